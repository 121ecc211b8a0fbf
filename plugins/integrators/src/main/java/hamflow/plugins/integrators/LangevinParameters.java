package hamflow.plugins.integrators;

import hamflow.api.Param;

/** Parameters of {@code langevin-baoab}: the heat bath and the seed of its noise. */
public record LangevinParameters(
    @Param(value = "friction gamma (1/time): the momenta relax at rate gamma; 0 gives leapfrog",
            defaultValue = "1.0", min = 0)
        double friction,
    @Param(value = "temperature kT (energy) of the heat bath", defaultValue = "1.0", min = 0,
            minExclusive = true)
        double temperature,
    @Param(value = "mass m of the kinetic energy p^2/2m the noise is drawn for (every degree of"
            + " freedom; 1 for the bundled systems with unit masses)",
            defaultValue = "1.0", min = 0, minExclusive = true)
        double mass,
    @Param(value = "seed of the thermostat noise", defaultValue = "0") long seed) {}

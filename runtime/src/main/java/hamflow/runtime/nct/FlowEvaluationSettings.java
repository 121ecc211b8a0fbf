package hamflow.runtime.nct;

import hamflow.api.Param;

/** The {@code evaluation:} section of a flow descriptor. */
public record FlowEvaluationSettings(
    @Param(value = "prior samples drawn to evaluate objectives without data (free-energy bound)",
            defaultValue = "10000", min = 1)
        int samples,
    @Param(value = "test trajectories whose latent planes are plotted", defaultValue = "4", min = 0)
        int plotted,
    @Param(value = "inverse temperature of the data's Boltzmann density: when set, and the "
            + "system is separable with n <= 2, the exact entropy (the least NLL any model can "
            + "reach) is computed by quadrature beside the test NLL", defaultValue = Param.NONE,
            min = 0, minExclusive = true)
        Double referenceBeta) {}

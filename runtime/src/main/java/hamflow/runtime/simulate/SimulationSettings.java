package hamflow.runtime.simulate;

import hamflow.api.Param;

/** The {@code simulation:} section of a simulate descriptor. */
public record SimulationSettings(
    @Param(value = "time step", min = 0, minExclusive = true) double dt,
    @Param(value = "number of integrator steps", min = 1) int steps,
    @Param(value = "initial states drawn from the system's seeded sampler", defaultValue = "1",
            min = 1, max = 100000)
        int trajectories,
    @Param(value = "keep every k-th step in the output (the initial state is always kept)",
            defaultValue = "1", min = 1)
        int keepEvery) {
  public SimulationSettings {
    if (steps % keepEvery != 0) {
      throw new IllegalArgumentException(
          "steps (" + steps + ") must be a multiple of keep-every (" + keepEvery + ")");
    }
  }

  /** Number of kept states per trajectory, the initial one included. */
  public int keptStates() {
    return steps / keepEvery + 1;
  }
}

package hamflow.runtime.nct;

import hamflow.api.Param;

/** The {@code data:} section of a flow descriptor. */
public record FlowDataSettings(
    @Param(value = "none (the objective samples its prior), generate (trajectories), boltzmann "
            + "(samples by the stochastic integrator) or file", defaultValue = "none")
        FlowDataSource source,
    @Param(value = "path of an .npz file with x [N, 2n] or [N, K, 2n], relative to the descriptor",
            defaultValue = Param.NONE)
        String file,
    @Param(value = "generate: number of trajectories; boltzmann: number of independent chains",
            defaultValue = "200", min = 2)
        int trajectories,
    @Param(value = "generate: end of each trajectory (starts at t = 0)", defaultValue = "10.0",
            min = 0, minExclusive = true)
        double tEnd,
    @Param(value = "generate: evenly spaced points per trajectory; boltzmann: samples kept per "
            + "chain", defaultValue = "50", min = 2)
        int samples,
    @Param(value = "boltzmann: integrator steps before the first kept sample", defaultValue = "2000",
            min = 0)
        int burnIn,
    @Param(value = "boltzmann: integrator steps between kept samples", defaultValue = "50", min = 1)
        int every,
    @Param(value = "boltzmann: integrator step", defaultValue = "0.01", min = 0, minExclusive = true)
        double dt,
    @Param(value = "share of trajectories or chains (the first ones) used for training; the rest "
            + "test", defaultValue = "0.8", min = 0, max = 1, minExclusive = true, maxExclusive = true)
        double trainFraction,
    @Param(value = "generate: relative and absolute tolerance of DOP853", defaultValue = "1e-10",
            min = 0, minExclusive = true, max = 1e-3)
        double tolerance,
    @Param(value = "file: x holds coordinates only (n columns); momenta are drawn from "
            + "Maxwell-Boltzmann at this kT (unit masses)", defaultValue = Param.NONE, min = 0,
            minExclusive = true)
        Double momentumTemperature) {
  public FlowDataSettings {
    if (momentumTemperature != null && source != FlowDataSource.FILE) {
      throw new IllegalArgumentException("momentum-temperature completes coordinate-only files; "
          + "source is " + source.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (source == FlowDataSource.FILE && file == null) {
      throw new IllegalArgumentException("source is file but no 'file:' is given");
    }
    if (source != FlowDataSource.FILE && file != null) {
      throw new IllegalArgumentException("'file:' is given but source is "
          + source.name().toLowerCase(java.util.Locale.ROOT) + "; set 'source: file' to read it");
    }
  }
}

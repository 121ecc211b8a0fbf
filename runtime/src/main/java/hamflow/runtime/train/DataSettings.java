package hamflow.runtime.train;

import hamflow.api.Param;

/** The {@code data:} section of a train descriptor. */
public record DataSettings(
    @Param(value = "generate (from the system), fresh (random states every step) or file",
            defaultValue = "generate")
        DataSource source,
    @Param(value = "path of an .npz (keys x, optional dxdt, t, trajectory) or .csv file, "
            + "relative to the descriptor", defaultValue = Param.NONE)
        String file,
    @Param(value = "number of generated trajectories", defaultValue = "50", min = 2)
        int trajectories,
    @Param(value = "end of each generated trajectory (starts at t = 0)", defaultValue = "3.0",
            min = 0, minExclusive = true)
        double tEnd,
    @Param(value = "evenly spaced samples per trajectory, both ends included", defaultValue = "30",
            min = 2)
        int samples,
    @Param(value = "std of Gaussian noise added to q and p (targets stay the clean field)",
            defaultValue = "0.0", min = 0)
        double noise,
    @Param(value = "share of trajectories (the first ones) used for training; the rest test",
            defaultValue = "0.5", min = 0, max = 1, minExclusive = true, maxExclusive = true)
        double trainFraction,
    @Param(value = "how trajectories are generated: reference (DOP853) or integrator (the "
            + "descriptor's integrator with step dt)", defaultValue = "reference")
        Generator generator,
    @Param(value = "for generator integrator: the step; the sampling interval must be a "
            + "multiple of it", defaultValue = "0.01", min = 0, minExclusive = true)
        double dt,
    @Param(value = "relative and absolute tolerance of the reference solver (DOP853)",
            defaultValue = "1e-10", min = 0, minExclusive = true, max = 1e-3)
        double tolerance,
    @Param(value = "for source fresh: states uniform in [-box, box] for each coordinate",
            defaultValue = "1.5", min = 0, minExclusive = true)
        double box,
    @Param(value = "for source fresh: states drawn per step (and test states)",
            defaultValue = "50", min = 1)
        int freshBatch) {
  /** How generated trajectories are integrated. */
  public enum Generator { REFERENCE, INTEGRATOR }

  public DataSettings {
    if (source == DataSource.FILE && file == null) {
      throw new IllegalArgumentException("source is file but no 'file:' is given");
    }
    if (generator == Generator.INTEGRATOR) {
      double steps = tEnd / (samples - 1) / dt;
      if (Math.abs(steps - Math.rint(steps)) > 1e-9 * steps) {
        throw new IllegalArgumentException("with generator integrator the sampling interval "
            + "t-end/(samples-1) = " + tEnd / (samples - 1) + " must be a multiple of dt = " + dt);
      }
    }
    if (source != DataSource.FILE && file != null) {
      throw new IllegalArgumentException("'file:' is given but source is " 
          + source.name().toLowerCase(java.util.Locale.ROOT) + "; set 'source: file' to read it");
    }
  }
}

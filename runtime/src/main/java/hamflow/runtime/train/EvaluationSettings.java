package hamflow.runtime.train;

import hamflow.api.Param;
import java.util.List;

/**
 * The {@code evaluation:} section: the Greydanus energy protocol (initial states, reference and
 * learned trajectories by DOP853, MSE of the true energy along both) and an optional rollout of
 * the learned Hamiltonian with the descriptor's integrator.
 */
public record EvaluationSettings(
    @Param(value = "initial states for the energy MSE", defaultValue = "15", min = 1)
        int states,
    @Param(value = "splits for the standard error of the energy MSE", defaultValue = "5", min = 1)
        int splits,
    @Param(value = "end time of the evaluation trajectories", defaultValue = "20.0", min = 0,
            minExclusive = true)
        double tEnd,
    @Param(value = "evenly spaced evaluation times, both ends included", defaultValue = "100",
            min = 2)
        int points,
    @Param(value = "relative tolerance of DOP853 for both paths", defaultValue = "1e-12", min = 0,
            minExclusive = true)
        double tolerance,
    @Param(value = "draw each coordinate as ±U[a, b] with [a, b] given here; leave out to use the "
            + "system's own sampler", defaultValue = Param.NONE)
        List<Double> coordinateRange,
    @Param(value = "seed of the evaluation states", defaultValue = "1") long seed,
    @Param(value = "optional rollout of the learned H with the descriptor's integrator",
            defaultValue = Param.NONE)
        RolloutSettings rollout) {
  public EvaluationSettings {
    if (coordinateRange != null && (coordinateRange.size() != 2
        || coordinateRange.get(0) < 0 || coordinateRange.get(1) < coordinateRange.get(0))) {
      throw new IllegalArgumentException("coordinate-range must be [a, b] with 0 <= a <= b, got "
          + coordinateRange);
    }
  }
}

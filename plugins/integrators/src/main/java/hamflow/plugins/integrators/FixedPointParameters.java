package hamflow.plugins.integrators;

import hamflow.api.Param;

/**
 * Parameters of the implicit integrators ({@code implicit-midpoint}, {@code generalized-leapfrog}):
 * how their implicit stages are solved by fixed-point iteration.
 */
public record FixedPointParameters(
    @Param(value = "fixed-point updates per implicit stage, all computed in the graph (no early"
            + " exit): a step costs about this many field evaluations. Each update shrinks the"
            + " error by about dt*L/2 (L: Lipschitz constant of the vector field), so 30 reach"
            + " round-off for dt*L up to about 0.8",
            defaultValue = "30", min = 1, max = 1000)
        int maxIterations,
    @Param(value = "convergence check on the last update, per element: |change| <= tolerance *"
            + " (1 + |value|), else the run fails with a message; floored at 16 machine"
            + " epsilons of the dtype (1.9e-6 in float32)",
            defaultValue = "1.0e-12", min = 0, minExclusive = true, max = 1)
        double tolerance) {

  FixedPoint.Settings settings(String method) {
    return new FixedPoint.Settings(method, maxIterations, tolerance);
  }
}

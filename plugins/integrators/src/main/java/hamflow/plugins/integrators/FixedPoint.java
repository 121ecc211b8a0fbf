package hamflow.plugins.integrators;

import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssertThat;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Solves {@code y = F(y)} by fixed-point iteration unrolled in the graph, for the implicit
 * stages of implicit methods. The graph has no early exit: all {@code maxIterations} updates are
 * computed (and differentiable, so autodiff gives the Jacobian of the converged step), and the
 * last change is checked by an assert op, so that a step that did not converge fails the
 * {@code Session.run} with a message instead of silently returning an inexact, non-symplectic
 * state.
 *
 * <p>Convergence test, per element: {@code |y_K − y_{K−1}| ≤ tol·(1 + |y_K|)}, absolute for
 * values below 1 and relative above. The iteration contracts by about {@code ρ = dt·L/2} per
 * update (L the Lipschitz constant of the vector field), so the error left after it passes is
 * about {@code ρ/(1−ρ)} times the last change. The tolerance is floored at 16 machine epsilons of
 * the graph's dtype (1.9e-6 in float32, 3.6e-15 in float64): converged iterates still differ by
 * a few units in the last place, and a float32 graph could never meet 1e-12.
 */
final class FixedPoint {
  private FixedPoint() {}

  /** How a method solves its implicit stages: the iteration cap, the tolerance, and its name. */
  record Settings(String method, int maxIterations, double tolerance) {}

  /** Machine epsilon of a dtype: 2⁻²³ for float32, 2⁻⁵² otherwise (float64). */
  static double epsilon(Class<? extends TFloating> dtype) {
    return dtype == TFloat32.class ? Math.ulp(1.0f) : Math.ulp(1.0);
  }

  /** The tolerance actually checked in a graph of {@code dtype}. */
  static double effectiveTolerance(Settings s, Class<? extends TFloating> dtype) {
    return Math.max(s.tolerance(), 16 * epsilon(dtype));
  }

  /**
   * Iterates {@code y ← map(y)} {@code maxIterations} times from {@code start}; returns the last
   * iterate, which carries a control dependency on the convergence assert.
   *
   * @param what the unknown being solved for, named in the failure message
   */
  static <T extends TFloating> Operand<T> solve(
      GraphContext<T> g, Settings s, String what, Operand<T> start, UnaryOperator<Operand<T>> map) {
    Ops tf = g.tf();
    Operand<T> previous = start;
    Operand<T> y = start;
    for (int k = 0; k < s.maxIterations(); k++) {
      previous = y;
      y = map.apply(y);
    }
    Operand<T> scaled = tf.math.div(
        tf.math.abs(tf.math.sub(y, previous)), tf.math.add(g.constant(1.0), tf.math.abs(y)));
    // Phase-space operands are [batch, m]: the largest change over the whole batch.
    Operand<T> residual = tf.max(scaled, tf.constant(new int[] {0, 1}));
    double tolerance = effectiveTolerance(s, g.dtype());
    // NaN compares false, so a diverged iteration fails the check too.
    Operand<TBool> converged = tf.math.lessEqual(residual, g.constant(tolerance));
    AssertThat check = tf.assertThat(converged, List.of(
        tf.constant(String.format(Locale.ROOT,
            "%s: the fixed-point iteration for %s did not converge in max-iterations = %d"
                + " (tolerance %.3g on the last change relative to 1 + |value|); last change:",
            s.method(), what, s.maxIterations(), tolerance)),
        residual,
        tf.constant("- use a smaller dt, or raise max-iterations")));
    return tf.withControlDependencies(List.of(check)).identity(y);
  }
}

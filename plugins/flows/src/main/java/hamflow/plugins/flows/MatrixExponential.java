package hamflow.plugins.flows;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * {@code exp(A)} of a square matrix written as graph ops, differentiable in A: scaling and
 * squaring with a Taylor polynomial. TF Java 1.1.0 lists a {@code MatrixExponential} op, but its
 * kernel was removed from TensorFlow 2 (Python's {@code tf.linalg.expm} is Python code) and it has
 * no gradient; this needs only matmuls.
 *
 * <p>The scaling {@code s = ⌈log₂‖A‖₁⌉ + 1} is chosen in the graph so that {@code ‖A/2ˢ‖₁ ≤ 1/2},
 * where the degree-14 Taylor remainder is below {@code 0.5¹⁵/15! ≈ 2e-17}; then the result is
 * squared s times. A graph has no data-dependent loop here, so all {@link #MAX_SQUARINGS} squaring
 * steps are built and each is switched on or off by an exact 0/1 weight. Accurate for
 * {@code ‖A‖₁ < 2¹⁵}.
 */
final class MatrixExponential {
  private static final int DEGREE = 14;
  static final int MAX_SQUARINGS = 16;

  private MatrixExponential() {}

  /** {@code exp(a)} for a {@code [dim, dim]} matrix {@code a}. */
  static <T extends TFloating> Operand<T> of(GraphContext<T> g, Operand<T> a, int dim) {
    Ops tf = g.tf();
    Operand<T> norm = tf.reduceMax(tf.reduceSum(tf.math.abs(a), tf.constant(0)), tf.constant(0));
    // log(0) = −inf clamps to 0 squarings; the scaling is a choice, not a function to train.
    Operand<T> squarings = tf.stopGradient(tf.math.minimum(
        tf.math.maximum(
            tf.math.add(tf.math.ceil(tf.math.div(tf.math.log(norm), g.constant(Math.log(2)))),
                g.constant(1.0)),
            g.constant(0.0)),
        g.constant(MAX_SQUARINGS)));
    Operand<T> scaled = tf.math.mul(a, tf.math.pow(g.constant(2.0), tf.math.neg(squarings)));
    Operand<T> eye = LayerOps.identity(g, dim);
    // Horner: E = I + X/1 (I + X/2 (I + … (I + X/14))).
    Operand<T> e = eye;
    for (int k = DEGREE; k >= 1; k--) {
      e = tf.math.add(eye, tf.math.mul(tf.linalg.matMul(scaled, e), g.constant(1.0 / k)));
    }
    for (int k = 0; k < MAX_SQUARINGS; k++) {
      // Step k squares when it is among the last `squarings` steps: k ≥ MAX − s.
      Operand<T> on = tf.dtypes.cast(
          tf.math.greaterEqual(g.constant(k), tf.math.sub(g.constant(MAX_SQUARINGS), squarings)),
          g.dtype());
      Operand<T> off = tf.math.sub(g.constant(1.0), on);
      e = tf.math.add(tf.math.mul(on, tf.linalg.matMul(e, e)), tf.math.mul(off, e));
    }
    return e;
  }
}

package hamflow.plugins.systems;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Small TF building blocks shared by the systems: constants of the graph's dtype, columns. */
final class SystemOps {
  private SystemOps() {}

  /** A constant vector of the graph's dtype (built in float64, then cast). */
  static <T extends TFloating> Operand<T> vector(GraphContext<T> g, double[] values) {
    return g.tf().dtypes.cast(g.tf().constant(values), g.dtype());
  }

  /** A constant matrix of the graph's dtype (built in float64, then cast). */
  static <T extends TFloating> Operand<T> matrix(GraphContext<T> g, double[][] values) {
    return g.tf().dtypes.cast(g.tf().constant(values), g.dtype());
  }

  /** Columns {@code [from, from + count)} of {@code [batch, m]}, shape {@code [batch, count]}. */
  static <T extends TFloating> Operand<T> columns(
      GraphContext<T> g, Operand<T> a, int from, int count) {
    Ops tf = g.tf();
    return tf.slice(a, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
  }

  /** Column {@code i} of {@code [batch, m]} as {@code [batch]}. */
  static <T extends TFloating> Operand<T> column(GraphContext<T> g, Operand<T> a, int i) {
    return g.tf().reshape(columns(g, a, i, 1), g.tf().constant(new int[] {-1}));
  }

  /** The row sums of {@code [batch, m]}, shape {@code [batch]}. */
  static <T extends TFloating> Operand<T> rowSum(GraphContext<T> g, Operand<T> a) {
    return g.tf().sum(a, g.tf().constant(1));
  }

  /** {@code c·a} for a scalar constant c. */
  static <T extends TFloating> Operand<T> scale(GraphContext<T> g, double c, Operand<T> a) {
    return g.tf().math.mul(g.constant(c), a);
  }
}

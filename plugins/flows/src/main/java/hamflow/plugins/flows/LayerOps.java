package hamflow.plugins.flows;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Small graph helpers shared by the layers. */
final class LayerOps {
  private LayerOps() {}

  /** A constant of the graph's dtype with the given shape and row-major values. */
  static <T extends TFloating> Operand<T> constant(GraphContext<T> g, double[] values, long... shape) {
    Ops tf = g.tf();
    return tf.dtypes.cast(tf.constant(Shape.of(shape), DataBuffers.of(values)), g.dtype());
  }

  /** The {@code dim × dim} identity of the graph's dtype. */
  static <T extends TFloating> Operand<T> identity(GraphContext<T> g, int dim) {
    double[] eye = new double[dim * dim];
    for (int i = 0; i < dim; i++) {
      eye[i * dim + i] = 1;
    }
    return constant(g, eye, dim, dim);
  }

  /**
   * Zeros of shape {@code [batch]} for a batch {@code x}: the log-determinant of a
   * volume-preserving layer. {@code ZerosLike} has no gradient path, so a loss that adds it
   * differentiates cleanly.
   */
  static <T extends TFloating> Operand<T> zerosPerExample(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    return tf.zerosLike(tf.reduceSum(x, tf.constant(1)));
  }

  /** Columns {@code [from, from + count)} of a {@code [batch, k]} tensor. */
  static <T extends TFloating> Operand<T> columns(GraphContext<T> g, Operand<T> x, int from, int count) {
    Ops tf = g.tf();
    return tf.slice(x, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
  }
}

package hamflow.api.tf;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.family.TFloating;

/**
 * What a plugin is handed when it adds ops to the runtime's TensorFlow graph.
 *
 * <p>The runtime owns the {@code Graph}, the {@code Session}, variables, devices and the dtype;
 * plugins only add ops through {@link #tf()} and never open sessions or keep operands between
 * calls. Phase-space batches are {@code [batch, 2n]} tensors of dtype {@link #dtype()}: the n
 * coordinates q first, then the n momenta p.
 *
 * @param <T> the floating dtype chosen by the descriptor ({@code TFloat32} or {@code TFloat64})
 */
public interface GraphContext<T extends TFloating> {

  /** The op factory of the runtime's graph. */
  Ops tf();

  /** The floating dtype of every phase-space tensor in this graph. */
  Class<T> dtype();

  /** A scalar constant of the graph's dtype. */
  Operand<T> constant(double value);

  /** Coordinates {@code q}: columns {@code [0, n)} of {@code x}, shape {@code [batch, n]}. */
  default Operand<T> positions(Operand<T> x, int n) {
    return tf().slice(x, tf().constant(new int[] {0, 0}), tf().constant(new int[] {-1, n}));
  }

  /** Momenta {@code p}: columns {@code [n, 2n)} of {@code x}, shape {@code [batch, n]}. */
  default Operand<T> momenta(Operand<T> x, int n) {
    return tf().slice(x, tf().constant(new int[] {0, n}), tf().constant(new int[] {-1, n}));
  }

  /** Joins {@code q} and {@code p}, each {@code [batch, n]}, into {@code [batch, 2n]}. */
  default Operand<T> phaseSpace(Operand<T> q, Operand<T> p) {
    return tf().concat(java.util.List.of(q, p), tf().constant(1));
  }

  /**
   * The gradient of {@code sum(y)} with respect to {@code x}, same shape as {@code x}. Seeded
   * with an explicit ones tensor (TF's {@code OnesLike} has no gradient, which would break
   * second-order derivatives). Differentiable again: the runtime registers the gradients of
   * {@code *Grad} ops such as {@code TanhGrad} at start-up.
   */
  default Operand<T> gradient(Operand<T> y, Operand<T> x) {
    Operand<T> ones = tf().fill(tf().shape(y), constant(1.0));
    Gradients g =
        tf().gradients(java.util.List.of(y), java.util.List.of(x), Gradients.dx(java.util.List.of(ones)));
    return g.<T>dy(0);
  }
}

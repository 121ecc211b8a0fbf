package hamflow.api.system;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A named scalar function of phase space that the exact dynamics of a system keeps constant.
 *
 * <p>{@link #evaluate} maps a batch {@code [batch, 2n]} to {@code [batch]} with TF ops; the
 * runtime reports its relative drift along simulated trajectories under {@link #name()}.
 */
public interface ConservedQuantity {

  /** Identifier used in {@code metrics.json}, e.g. {@code angular-momentum}. */
  String name();

  /** The quantity for every state of the batch, shape {@code [batch]}. */
  <T extends TFloating> Operand<T> evaluate(GraphContext<T> g, Operand<T> x);
}

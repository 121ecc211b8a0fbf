package hamflow.api.loss;

import hamflow.api.integrate.Integrator;
import hamflow.api.model.LearnedField;
import hamflow.api.tf.GraphContext;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * What a loss is handed: the graph, the model being trained, and one batch of examples.
 *
 * @param <T> the graph's floating dtype
 */
public interface LossContext<T extends TFloating> extends GraphContext<T> {

  /** The model under training (its variables are what the optimizer updates). */
  LearnedField<T> model();

  /** The states of the batch, {@code [batch, 2n]}. */
  Operand<T> states();

  /** The targets the loss asked for with {@link Loss#target()}, {@code [batch, 2n]}. */
  Operand<T> targets();

  /** n, the number of coordinates. */
  int degreesOfFreedom();

  /**
   * For {@link LossTarget#NEXT_STATE}: the time between a state and its target, in the data's
   * time unit. {@code NaN} for other targets.
   */
  double interval();

  /** The descriptor's {@code integrator:} section, for losses that roll the model forward. */
  Optional<Integrator> integrator();
}

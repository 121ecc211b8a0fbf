package hamflow.api.loss;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A training objective for a model of dynamics. The runtime prepares batches of the examples
 * {@link #target()} asks for, builds {@link #build} once, and minimises the returned scalar with
 * its optimizer; gradients flow through every op the loss adds.
 */
public interface Loss {

  /** The kind of example the loss reads. */
  LossTarget target();

  /**
   * The scalar loss (shape {@code []}) of one batch. May throw {@link IllegalArgumentException}
   * with a message for the user when the model or descriptor cannot serve this loss (for
   * example a rollout loss with a model that learns no Hamiltonian).
   */
  <T extends TFloating> Operand<T> build(LossContext<T> c);
}

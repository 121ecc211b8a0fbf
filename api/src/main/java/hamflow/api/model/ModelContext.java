package hamflow.api.model;

import hamflow.api.tf.GraphContext;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * What a model is handed when it builds itself: the graph (as a {@link GraphContext}) plus
 * trainable variables owned by the runtime.
 *
 * <p>The runtime creates each variable, initialises it with the values given here, hands it to
 * the optimizer, checkpoints it and restores it on {@code --resume}; a model never assigns its
 * variables itself. Initial values are drawn in Java from {@link #random()}, which the runtime
 * seeds from the descriptor, so equal seeds give equal models on any device.
 *
 * @param <T> the graph's floating dtype
 */
public interface ModelContext<T extends TFloating> extends GraphContext<T> {

  /**
   * A trainable variable of the given shape, initialised to {@code initial} (row-major, length
   * the product of {@code shape}). {@code name} must be unique within the model (e.g.
   * {@code "layer1/kernel"}); it names the variable in checkpoints.
   */
  Operand<T> variable(String name, double[] initial, long... shape);

  /** The seeded generator for initial values. */
  RandomGenerator random();

  /**
   * Whether this graph is a training graph (layers such as zero-center then use batch
   * statistics) or an evaluation graph (they use the stored running averages). Default: false,
   * evaluation.
   */
  default boolean training() {
    return false;
  }

  /**
   * True in a training graph built for an optimizer that line-searches on the loss's own value
   * (L-BFGS on a fixed batch, a flow's {@code training.lbfgs-steps}): every term must then carry
   * its true gradient. A layer that holds a batch statistic constant for Adam's steps (with
   * {@code stopGradient}) lets it carry its gradient here; an objective that trains through a
   * surrogate gradient (a path-derivative estimator) builds the plain one. Default: false.
   */
  default boolean exactGradients() {
    return false;
  }

  /**
   * A running average of a batch statistic, shape {@code shape}, named {@code name} (unique
   * within the model, like a variable; it is checkpointed but not trained). In a training graph
   * ({@link #training()}) the runtime updates the stored value after every optimizer step as
   * {@code stored ← momentum · stored + (1 − momentum) · batchValue} and this returns
   * {@code batchValue}; in an evaluation graph it returns the stored value, initially
   * {@code initial}. With {@code batchValue} null it returns the stored value in either graph
   * (and, in a training graph, does not update it).
   *
   * <p>The default, for contexts that do not train (contract tests, frozen exports), keeps the
   * stored value as a constant-initialised variable.
   */
  default Operand<T> runningAverage(
      String name, Operand<T> batchValue, double momentum, double[] initial, long... shape) {
    if (training() && batchValue != null) {
      return batchValue;
    }
    return variable(name, initial, shape);
  }
}

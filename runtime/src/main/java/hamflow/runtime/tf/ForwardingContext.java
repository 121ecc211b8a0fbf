package hamflow.runtime.tf;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A {@link GraphContext} that adds ops to an existing graph: the base of the richer contexts
 * the runtime hands plugins (models get variables, losses get batches) so each states only what
 * it adds.
 */
public abstract class ForwardingContext<T extends TFloating> implements GraphContext<T> {
  private final GraphContext<T> graph;

  protected ForwardingContext(GraphContext<T> graph) {
    this.graph = graph;
  }

  @Override
  public Ops tf() {
    return graph.tf();
  }

  @Override
  public Class<T> dtype() {
    return graph.dtype();
  }

  @Override
  public Operand<T> constant(double value) {
    return graph.constant(value);
  }
}

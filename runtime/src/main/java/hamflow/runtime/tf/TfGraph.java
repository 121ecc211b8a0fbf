package hamflow.runtime.tf;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * The runtime's TensorFlow graph and session for one job, with the dtype the descriptor chose.
 * Plugins receive it as a {@link GraphContext} and only add ops; the runtime runs the session and
 * closes both at the end of the job.
 *
 * @param <T> the floating dtype
 */
public final class TfGraph<T extends TFloating> implements GraphContext<T>, AutoCloseable {
  private final Class<T> dtype;
  private final Graph graph;
  private final Ops tf;
  private final Session session;

  private TfGraph(Class<T> dtype) {
    CustomGradients.ensureRegistered();
    this.dtype = dtype;
    this.graph = new Graph();
    this.tf = Ops.create(graph);
    this.session = new Session(graph);
  }

  /** A new graph and session computing in {@code dtype}. */
  public static <T extends TFloating> TfGraph<T> create(Class<T> dtype) {
    return new TfGraph<>(dtype);
  }

  /** A new graph whose dtype is picked by {@code precision}; callers work with a wildcard. */
  public static TfGraph<? extends TFloating> create(Precision precision) {
    return new TfGraph<>(precision.type());
  }

  @Override
  public Ops tf() {
    return tf;
  }

  @Override
  public Class<T> dtype() {
    return dtype;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<T> constant(double value) {
    if (dtype == TFloat64.class) {
      return (Operand<T>) tf.constant(value);
    }
    if (dtype == TFloat32.class) {
      return (Operand<T>) tf.constant((float) value);
    }
    return tf.dtypes.cast(tf.constant(value), dtype);
  }

  /** A placeholder of this graph's dtype, fed at run time. */
  public Operand<T> placeholder() {
    return tf.placeholder(dtype);
  }

  public Session session() {
    return session;
  }

  public Graph graph() {
    return graph;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

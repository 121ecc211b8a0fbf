package hamflow.testkit;

import hamflow.api.tf.GraphContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * The contracts' own graph and session (the role the runtime plays for a plugin in a job): one
 * {@link Graph}, its {@link Session} and a dtype, handed to plugins as a {@link GraphContext}.
 * Closing it closes both.
 *
 * <p>Gradients: every check differentiates plugin ops once (a Jacobian, or ∇H by autodiff), never
 * twice, so the testkit registers no custom gradients — TF Java 1.1.0 has room for only about ten
 * per JVM and registering one twice fails, so that is left to whoever owns the JVM. A plugin whose
 * own ops already call {@link #gradient} (an H defined as the autodiff of a network, say) may need
 * the gradient of an op such as {@code TanhGrad}; building the check then fails with an assertion
 * that names the op, and the plugin's test registers it once (e.g. in a static initialiser or a
 * {@code @BeforeAll}) before the contract runs.
 *
 * @param <T> the floating dtype
 */
public final class TestGraph<T extends TFloating> implements GraphContext<T>, AutoCloseable {
  private final Class<T> dtype;
  private final Graph graph;
  private final Ops tf;
  private final Session session;

  private TestGraph(Class<T> dtype) {
    if (dtype != TFloat64.class && dtype != TFloat32.class) {
      throw new IllegalArgumentException("dtype must be TFloat64 or TFloat32, not " + dtype);
    }
    this.dtype = dtype;
    this.graph = new Graph();
    this.tf = Ops.create(graph);
    this.session = new Session(graph, UNOPTIMIZED);
  }

  /**
   * Grappler and the graph optimizer off: their time on a session's first run grows faster than
   * the graph (an implicit step's unrolled fixed-point iteration, differentiated, takes tens of
   * seconds), and a check's graph runs a few times only. Results do not depend on it.
   */
  private static final ConfigProto UNOPTIMIZED = ConfigProto.newBuilder()
      .setGraphOptions(GraphOptions.newBuilder()
          .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true))
          .setOptimizerOptions(OptimizerOptions.newBuilder()
              .setOptLevel(OptimizerOptions.Level.L0)))
      .build();

  /** A new graph and session computing in {@code dtype} (TFloat64 or TFloat32). */
  public static <T extends TFloating> TestGraph<T> create(Class<T> dtype) {
    return new TestGraph<>(dtype);
  }

  /** A new float64 graph, the precision every contract checks in. */
  public static TestGraph<TFloat64> float64() {
    return new TestGraph<>(TFloat64.class);
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
    return dtype == TFloat64.class
        ? (Operand<T>) tf.constant(value)
        : (Operand<T>) tf.constant((float) value);
  }

  /** A constant {@code [rows, cols]} matrix of this graph's dtype. */
  @SuppressWarnings("unchecked")
  public Operand<T> constant(double[][] rows) {
    try (Tensor t = matrix(dtype, rows)) {
      return tf.constantOf((T) t);
    }
  }

  /**
   * As {@link GraphContext#gradient}, but a gradient TensorFlow cannot build (an op of the
   * plugin with no registered gradient, typically a {@code *Grad} op differentiated a second
   * time) fails as an assertion that says so, instead of an exception from deep inside TF.
   */
  @Override
  public Operand<T> gradient(Operand<T> y, Operand<T> x) {
    try {
      return GraphContext.super.gradient(y, x);
    } catch (RuntimeException e) {
      throw new AssertionError("TensorFlow cannot differentiate the plugin's ops: "
          + e.getMessage() + " — if the plugin's own ops already take a gradient, register the"
          + " missing gradient once per JVM (TensorFlow.registerCustomGradient) before the"
          + " contract runs", e);
    }
  }

  /** A placeholder of this graph's dtype, fed at run time. */
  public Operand<T> placeholder() {
    return tf.placeholder(dtype);
  }

  public Graph graph() {
    return graph;
  }

  public Session session() {
    return session;
  }

  /** One fetched tensor: its shape and its values, row-major, as float64. */
  public record Fetched(long[] shape, double[] values) {
    /** The values as rows of a {@code [rows, cols]} tensor. */
    public double[][] rows() {
      int rows = (int) shape[0];
      int cols = rows == 0 ? 0 : values.length / rows;
      double[][] out = new double[rows][cols];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(values, i * cols, out[i], 0, cols);
      }
      return out;
    }
  }

  /** Runs the session once, feeding each placeholder a matrix, and fetches {@code fetches}. */
  public List<Fetched> run(Map<Operand<T>, double[][]> feeds, List<? extends Operand<?>> fetches) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Map.Entry<Operand<T>, double[][]> feed : feeds.entrySet()) {
        Tensor t = matrix(dtype, feed.getValue());
        fed.add(t);
        runner.feed(feed.getKey(), t);
      }
      fetches.forEach(runner::fetch);
      List<Fetched> out = new ArrayList<>();
      try (Result result = runner.run()) {
        for (int i = 0; i < fetches.size(); i++) {
          Tensor t = result.get(i);
          out.add(new Fetched(t.shape().asArray(), flat(t)));
        }
      }
      return out;
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** {@link #run(Map, List)} with one fed placeholder. */
  public List<Fetched> run(Operand<T> x, double[][] states, List<? extends Operand<?>> fetches) {
    Map<Operand<T>, double[][]> feeds = new LinkedHashMap<>();
    feeds.put(x, states);
    return run(feeds, fetches);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** A {@code [rows, cols]} tensor of {@code dtype}; the caller closes it. */
  public static Tensor matrix(Class<? extends TFloating> dtype, double[][] rows) {
    int n = rows.length;
    int cols = n == 0 ? 0 : rows[0].length;
    double[] flat = new double[n * cols];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != cols) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length
            + " values, row 0 has " + cols);
      }
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return tensor(dtype, Shape.of(n, cols), flat);
  }

  /** A tensor of {@code dtype} and {@code shape} holding {@code flat}; the caller closes it. */
  public static Tensor tensor(Class<? extends TFloating> dtype, Shape shape, double[] flat) {
    if (dtype == TFloat64.class) {
      return TFloat64.tensorOf(shape, DataBuffers.of(flat));
    }
    float[] f = new float[flat.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) flat[i];
    }
    return TFloat32.tensorOf(shape, DataBuffers.of(f));
  }

  /** The values of a float32 or float64 tensor, row-major, as float64. */
  public static double[] flat(Tensor t) {
    int size = Math.toIntExact(t.shape().size());
    double[] out = new double[size];
    if (t instanceof TFloat64 d) {
      d.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
    if (t instanceof TFloat32 f) {
      float[] values = new float[size];
      f.copyTo(DataBuffers.of(values, false, false));
      for (int i = 0; i < size; i++) {
        out[i] = values[i];
      }
      return out;
    }
    throw new IllegalArgumentException("not a floating tensor: " + t.dataType());
  }
}

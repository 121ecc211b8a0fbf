package hamflow.runtime.train;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TFloating;

/**
 * The runtime's variables for one training graph: resource variables, each read once (so
 * every use shares the read and gradients are taken with respect to it), with a placeholder
 * and assign op per variable for initialisation and checkpoint restore. The model's trainable
 * variables and the optimizer's slots both live here, so a checkpoint is the whole state.
 */
public final class VariableStore<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  /** One variable: its handle, its read, and how to set it. */
  public record Entry<T extends TFloating>(String name, long[] shape, double[] initial, boolean trainable,
      Operand<?> handle, Operand<T> read, Operand<T> feed, Op assign) {}

  private final TfGraph<T> g;
  private final RandomGenerator random;
  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

  public VariableStore(TfGraph<T> g, RandomGenerator random) {
    super(g);
    this.g = g;
    this.random = random;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return add(name, initial, shape, true).read();
  }

  /** A variable the optimizer does not train (its own slots, counters). */
  public Entry<T> slot(String name, double[] initial, long... shape) {
    return add(name, initial, shape, false);
  }

  private Entry<T> add(String name, double[] initial, long[] shape, boolean trainable) {
    if (entries.containsKey(name)) {
      throw new IllegalStateException("variable '" + name + "' defined twice");
    }
    long size = Shape.of(shape).size();
    if (initial.length != size) {
      throw new IllegalStateException("variable '" + name + "' has " + initial.length
          + " initial values for shape " + Shape.of(shape));
    }
    Ops tf = g.tf();
    // An explicit shared name: TF Java leaves it empty, and then every handle of the session
    // aliases one resource.
    Operand<?> handle = tf.varHandleOp(g.dtype(), Shape.of(shape), VarHandleOp.sharedName(name));
    Operand<T> read = tf.readVariableOp(handle, g.dtype());
    Operand<T> feed = tf.placeholder(g.dtype());
    Op assign = tf.assignVariableOp(handle, feed);
    Entry<T> e = new Entry<>(name, shape.clone(), initial.clone(), trainable, handle, read, feed, assign);
    entries.put(name, e);
    return e;
  }

  public List<Entry<T>> trainable() {
    return entries.values().stream().filter(Entry::trainable).toList();
  }

  public List<Entry<T>> all() {
    return List.copyOf(entries.values());
  }

  /** Sets every variable to its initial value. */
  public void initialize(Session session) {
    Map<String, double[]> values = new LinkedHashMap<>();
    entries.values().forEach(e -> values.put(e.name(), e.initial()));
    assign(session, values);
  }

  /** Sets the named variables (all of them must be given, shapes must match). */
  public void assign(Session session, Map<String, double[]> values) {
    List<Entry<T>> all = List.copyOf(entries.values());
    double[] flat = new double[all.stream().mapToInt(e -> e.initial().length).sum()];
    int offset = 0;
    for (Entry<T> e : all) {
      double[] v = values.get(e.name());
      if (v == null || v.length != e.initial().length) {
        throw new IllegalArgumentException("checkpoint has " + (v == null ? "no value" : v.length
            + " values") + " for variable '" + e.name() + "' of shape " + Shape.of(e.shape()));
      }
      System.arraycopy(v, 0, flat, offset, v.length);
      offset += v.length;
    }
    assign(session, all, flat);
  }

  /**
   * Sets {@code vars} from {@code flat}, their values concatenated in order (row-major each), in
   * one run.
   */
  public void assign(Session session, List<Entry<T>> vars, double[] flat) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      int offset = 0;
      for (Entry<T> e : vars) {
        int size = e.initial().length;
        Tensor t = Tensors.of(g.dtype(), Shape.of(e.shape()),
            java.util.Arrays.copyOfRange(flat, offset, offset + size));
        offset += size;
        fed.add(t);
        runner.feed(e.feed(), t).addTarget(e.assign());
      }
      runner.run();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Every variable's current value, by name. */
  public Map<String, double[]> values(Session session) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Session.Runner runner = session.runner();
    List<Entry<T>> list = all();
    list.forEach(e -> runner.fetch(e.read()));
    try (Result r = runner.run()) {
      for (int i = 0; i < list.size(); i++) {
        out.put(list.get(i).name(), Tensors.flat(r.get(i)));
      }
    }
    return out;
  }

  /** The shapes, for checkpoint files. */
  public Map<String, long[]> shapes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    entries.values().forEach(e -> out.put(e.name(), e.shape()));
    return out;
  }

  /** The read of the variable {@code name}, defined earlier. */
  public Operand<T> read(String name) {
    return entry(name).read();
  }

  /** The variable {@code name}, defined earlier. */
  public Entry<T> entry(String name) {
    Entry<T> e = entries.get(name);
    if (e == null) {
      throw new IllegalStateException("no variable '" + name + "' defined");
    }
    return e;
  }
}

package hamflow.runtime.nct;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import hamflow.api.objective.ObjectiveContext;
import hamflow.api.system.HamiltonianSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The {@link ObjectiveContext} the runtime hands an objective: variables from {@code vars}
 * (under the objective's own prefix), the built flow and, on request, its gradient-stopped copy
 * ({@code buildStopped}), the batch, and stateless normal draws
 * seeded by {@code [seed, step, stream]} so that each call is an independent stream, fresh every
 * step and reproducible on resume.
 */
final class ObjectiveGraph<T extends TFloating> implements ObjectiveContext<T> {
  private final ModelContext<T> vars;
  private final BijectiveLayer.Built<T> flow;
  private final Supplier<BijectiveLayer.Built<T>> buildStopped;
  private BijectiveLayer.Built<T> stopped;
  private final int n;
  private final Optional<HamiltonianSystem> system;
  private final Supplier<Operand<T>> batch;
  private final int batchSize;
  private final Operand<TInt64> step;
  private final long seed;
  private final Map<String, Operand<T>> reports = new LinkedHashMap<>();
  private int streams;

  ObjectiveGraph(ModelContext<T> vars, BijectiveLayer.Built<T> flow,
      Supplier<BijectiveLayer.Built<T>> buildStopped, int n,
      Optional<HamiltonianSystem> system, Supplier<Operand<T>> batch, int batchSize,
      Operand<TInt64> step, long seed) {
    this.vars = vars;
    this.flow = flow;
    this.buildStopped = buildStopped;
    this.n = n;
    this.system = system;
    this.batch = batch;
    this.batchSize = batchSize;
    this.step = step;
    this.seed = seed;
  }

  /** The scalars the objective reported, by name, in the order reported. */
  Map<String, Operand<T>> reports() {
    return reports;
  }

  @Override
  public Ops tf() {
    return vars.tf();
  }

  @Override
  public Class<T> dtype() {
    return vars.dtype();
  }

  @Override
  public Operand<T> constant(double value) {
    return vars.constant(value);
  }

  @Override
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return vars.variable(name, initial, shape);
  }

  @Override
  public RandomGenerator random() {
    return vars.random();
  }

  @Override
  public boolean training() {
    return vars.training();
  }

  @Override
  public BijectiveLayer.Built<T> flow() {
    return flow;
  }

  @Override
  public BijectiveLayer.Built<T> flowWithoutGradients() {
    // Built on first use: only path-derivative objectives (free-energy, mixed) ask for it.
    if (stopped == null) {
      stopped = buildStopped.get();
    }
    return stopped;
  }

  @Override
  public boolean exactGradients() {
    return vars.exactGradients();
  }

  @Override
  public int degreesOfFreedom() {
    return n;
  }

  @Override
  public Optional<HamiltonianSystem> system() {
    return system;
  }

  @Override
  public Operand<T> batch() {
    Operand<T> b = batch.get();
    if (b == null) {
      throw new IllegalStateException("this objective declared no data, so it has no batch");
    }
    return b;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public Operand<T> standardNormal(long... shape) {
    Ops tf = tf();
    // Stream 16 + k: streams below 16 are the runtime's own (minibatch indices).
    Operand<TInt64> key = tf.stack(java.util.List.of(
        tf.constant(seed * 1024 + 16 + streams++), step));
    return tf.random.statelessRandomNormal(tf.constant(shape), key, dtype());
  }

  @Override
  public void report(String name, Operand<T> scalar) {
    if (reports.containsKey(name)) {
      throw new IllegalStateException("objective reported '" + name + "' twice");
    }
    // Its own op: a report may be the loss itself, and one run cannot fetch one output twice.
    reports.put(name, tf().identity(scalar));
  }
}

package hamflow.runtime.train;

import hamflow.api.integrate.Integrator;
import hamflow.api.loss.Loss;
import hamflow.api.loss.LossContext;
import hamflow.api.loss.LossTarget;
import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Trains one model in its own graph: data as graph constants (minibatches gathered in the
 * graph), the loss, Adam, and a loop of one {@code Session.run} per step that only fetches the
 * scalar loss — no per-step tensors cross from Java.
 */
final class Trainer<T extends TFloating> {
  /** Steps left out of {@link TrainingRun#secondsPerStep()}: TF optimises the graph on first runs. */
  static final int WARMUP = 5;

  /** What the trainer needs besides the graph. */
  record Setup(String role, Model model, Loss loss, Optional<Integrator> integrator,
      HamiltonianSystem system, Dataset data, DataSettings dataSettings, TrainingSettings training,
      long seed) {}

  /** Called with the step just finished and the full variable state, for checkpoints. */
  interface Checkpointer {
    void save(int step, Map<String, double[]> state, LossHistory history);
  }

  private final TfGraph<T> g;
  private final Setup s;

  Trainer(TfGraph<T> g, Setup setup) {
    this.g = g;
    this.s = setup;
  }

  /**
   * Trains from step {@code start} (0, or a checkpoint's step with its {@code state}) to the
   * configured number of steps.
   */
  static final String STEP = "adam/step";

  private VariableStore<T> store;
  private VariableStore.Entry<T> step;

  /** Variable shapes by name, known once {@link #run} has built the graph. */
  Map<String, long[]> shapes() {
    return store.shapes();
  }

  TrainingRun run(int start, Map<String, double[]> state, LossHistory history,
      IntConsumer progress, java.util.function.DoubleConsumer lossSink, Checkpointer checkpoints) {
    Graph<T> built = build();
    Operand<T> trainLoss = built.trainLoss();
    Operand<T> testLoss = built.testLoss();
    Op update = built.update();
    Session session = g.session();
    if (state == null) {
      store.initialize(session);
    } else {
      store.assign(session, state);
    }
    TrainingSettings t = s.training();
    long begin = System.nanoTime();
    int timedFrom = Math.min(start + WARMUP, t.steps() - 1);
    for (int k = start; k < t.steps(); k++) {
      if (k == timedFrom) {
        begin = System.nanoTime(); // the first runs include TF's graph optimisation
      }
      boolean log = k % t.logEvery() == 0 || k == t.steps() - 1;
      Session.Runner runner = session.runner().addTarget(update).fetch(trainLoss);
      if (log) {
        runner.fetch(testLoss);
      }
      try (Result r = runner.run()) {
        double loss = Tensors.flat(r.get(0))[0];
        if (!Double.isFinite(loss)) {
          throw new TrainingDivergedException(s.role(), k, loss);
        }
        lossSink.accept(loss);
        if (log) {
          history.add(k, loss, Tensors.flat(r.get(1))[0]);
        }
      }
      progress.accept(1);
      int done = k + 1;
      if (t.checkpointEvery() > 0 && done % t.checkpointEvery() == 0 && done < t.steps()) {
        checkpoints.save(done, store.values(session), history);
      }
    }
    double perStep = (System.nanoTime() - begin) / 1e9 / Math.max(1, t.steps() - timedFrom);
    Map<String, double[]> last = store.values(session);
    checkpoints.save(t.steps(), last, history);
    return new TrainingRun(s.role(), last, history, perStep);
  }

  /** The ops of a training step. */
  private record Graph<T extends TFloating>(Operand<T> trainLoss, Operand<T> testLoss, Op update) {}

  /** Builds the model, the losses and the update; runs nothing. */
  private Graph<T> build() {
    store = new VariableStore<>(g, new SplittableRandom(s.seed()));
    // The step counter lives with the variables (and checkpoints), so batches drawn from it are
    // the same whether a run is resumed or not.
    step = store.slot(STEP, new double[] {0});
    int n = s.dataSettings().source() == DataSource.FRESH || s.data() == null
        ? s.system().degreesOfFreedom() : s.data().dimension() / 2;
    LearnedField<T> field = s.model().build(store, n);
    Batch<T> train = trainBatch(n);
    Batch<T> test = testBatch(n);
    Operand<T> trainLoss = s.loss().build(context(field, train, n));
    Operand<T> testLoss = s.loss().build(context(field, test, n));
    Op update = new Adam<>(store, step, s.training().learningRate(), s.training().weightDecay())
        .minimize(trainLoss);
    return new Graph<>(trainLoss, testLoss, update);
  }

  /**
   * Builds the training graph of {@code setup} on a tiny stand-in dataset, without running it,
   * so that the plugins' own checks (a loss that cannot serve the model) fail before any work.
   */
  static void dryBuild(Setup setup, hamflow.runtime.tf.Precision precision, int n) {
    double[] t = {0, 1, 2};
    double[][] x = new double[3][2 * n];
    Trajectory tr = new Trajectory(t, x, x);
    Setup tiny = new Setup(setup.role(), setup.model(), setup.loss(), setup.integrator(),
        setup.system(), new Dataset(java.util.List.of(tr), java.util.List.of(tr)),
        setup.dataSettings(), setup.training(), setup.seed());
    try (TfGraph<? extends TFloating> g = TfGraph.create(precision)) {
      dryBuild(g, tiny);
    }
  }

  private static <U extends TFloating> void dryBuild(TfGraph<U> g, Setup setup) {
    new Trainer<>(g, setup).build();
  }

  /** States and targets of a batch as graph operands. */
  private record Batch<T extends TFloating>(Operand<T> states, Operand<T> targets, double interval) {}

  private Batch<T> trainBatch(int n) {
    Ops tf = g.tf();
    if (s.dataSettings().source() == DataSource.FRESH) {
      // A new uniform batch every step; targets are the true field there.
      Operand<T> u = tf.random.statelessRandomUniform(
          tf.constant(new long[] {s.dataSettings().freshBatch(), 2 * n}), stepSeed(1), g.dtype());
      Operand<T> x = tf.math.mul(g.constant(s.dataSettings().box()),
          tf.math.sub(tf.math.mul(g.constant(2.0), u), g.constant(1.0)));
      return new Batch<>(x, freshTargets(x), Double.NaN);
    }
    Dataset.Examples ex = s.data().examples(s.data().train(), s.loss().target());
    Operand<T> x = constant(ex.states());
    Operand<T> y = constant(ex.targets());
    int batch = s.training().batchSize();
    if (batch > 0 && batch < ex.size()) {
      Operand<TInt64> idx = tf.random.statelessRandomUniformInt(tf.constant(new long[] {batch}),
          stepSeed(2), tf.constant(0L), tf.constant((long) ex.size()));
      x = tf.gather(x, idx, tf.constant(0));
      y = tf.gather(y, idx, tf.constant(0));
    }
    return new Batch<>(x, y, interval());
  }

  /** A stateless seed {@code [seed·4 + stream, step]}: a fresh draw every step, reproducible. */
  private Operand<TInt64> stepSeed(int stream) {
    Ops tf = g.tf();
    Operand<TInt64> k = tf.dtypes.cast(step.read(), TInt64.class);
    return tf.stack(java.util.List.of(tf.constant(s.seed() * 4 + stream), k));
  }

  private Batch<T> testBatch(int n) {
    if (s.dataSettings().source() == DataSource.FRESH) {
      double[][] states = FreshStates.draw(s.dataSettings(), n, s.seed() + 3);
      Operand<T> x = constant(states);
      return new Batch<>(x, freshTargets(x), Double.NaN);
    }
    Dataset.Examples ex = s.data().examples(s.data().test(), s.loss().target());
    return new Batch<>(constant(ex.states()), constant(ex.targets()), interval());
  }

  private Operand<T> freshTargets(Operand<T> x) {
    if (s.loss().target() != LossTarget.TIME_DERIVATIVE) {
      throw new IllegalArgumentException("data source 'fresh' gives field targets only; the loss "
          + "needs trajectories (use source generate)");
    }
    return g.tf().stopGradient(new SystemField<>(g, s.system()).timeDerivative(g, x));
  }

  private double interval() {
    return s.loss().target() == LossTarget.NEXT_STATE ? s.data().interval() : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  private Operand<T> constant(double[][] rows) {
    try (Tensor t = Tensors.matrix(g.dtype(), rows)) {
      return g.tf().constantOf((T) t);
    }
  }

  private LossContext<T> context(LearnedField<T> field, Batch<T> b, int n) {
    class Context extends ForwardingContext<T> implements LossContext<T> {
      Context() {
        super(g);
      }

      @Override
      public LearnedField<T> model() {
        return field;
      }

      @Override
      public Operand<T> states() {
        return b.states();
      }

      @Override
      public Operand<T> targets() {
        return b.targets();
      }

      @Override
      public int degreesOfFreedom() {
        return n;
      }

      @Override
      public double interval() {
        return b.interval();
      }

      @Override
      public Optional<Integrator> integrator() {
        return s.integrator();
      }
    }
    return new Context();
  }
}

package hamflow.runtime.nct;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.flow.FlowStack;
import hamflow.runtime.flow.PrefixedContext;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.train.Adam;
import hamflow.runtime.train.LossHistory;
import hamflow.runtime.train.TrainingDivergedException;
import hamflow.runtime.train.VariableStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Trains a flow in its own graph: the data as a graph constant with minibatches gathered in the
 * graph, the objective, Adam, and one {@code Session.run} per step that fetches only the scalar
 * loss (and the objective's reports on logged steps).
 */
final class FlowTrainer<T extends TFloating> {
  static final String STEP = "adam/step";
  static final String FLOW = "flow/";
  static final String OBJECTIVE = "objective/";

  /**
   * What the trainer needs besides the graph; {@code layerTypes}: the type of each layer of the
   * stack, in order (which layers {@code training.lbfgs-layers} names).
   */
  record Setup(BijectiveLayer stack, List<String> layerTypes, FlowObjective objective,
      Optional<HamiltonianSystem> system, int degreesOfFreedom, FlowData data,
      FlowTrainingSettings training, long seed) {}

  /** Called with the step just finished and the full variable state. */
  interface Checkpointer {
    void save(int step, Map<String, double[]> state, LossHistory history);
  }

  /**
   * The weights after training, the history and the reports' names; what the L-BFGS phase did,
   * if one ran in this process.
   */
  record Outcome(Map<String, double[]> initial, Map<String, double[]> weights,
      LossHistory history, List<String> reports, double secondsPerStep,
      Optional<FlowRefinement.Summary> lbfgs) {}

  private final TfGraph<T> g;
  private final Setup s;
  private VariableStore<T> store;
  private VariableStore.Entry<T> step;

  FlowTrainer(TfGraph<T> g, Setup setup) {
    this.g = g;
    this.s = setup;
  }

  Map<String, long[]> shapes() {
    return store.shapes();
  }

  /**
   * The ops of a training step, those of the L-BFGS phase (null if it has none), and those that
   * set the running averages to their values on all the training data (empty without data or
   * running averages).
   */
  private record Graph<T extends TFloating>(Operand<T> loss, Map<String, Operand<T>> reports,
      List<Op> targets, FlowRefinement.Ops<T> lbfgs, List<Op> calibration) {}

  /** Builds the training graph; runs nothing. */
  private Graph<T> build() {
    store = new VariableStore<>(g, new SplittableRandom(s.seed()));
    step = store.slot(STEP, new double[] {0});
    TrainingVariables<T> vars = new TrainingVariables<>(store);
    BijectiveLayer.Built<T> flow =
        s.stack().build(new PrefixedContext<>(vars, FLOW), s.degreesOfFreedom());
    Operand<TInt64> k = g.tf().dtypes.cast(step.read(), TInt64.class);
    ObjectiveGraph<T> objective = objectiveGraph(vars, flow, k);
    Operand<T> loss;
    try {
      loss = s.objective().build(objective);
    } catch (IllegalArgumentException e) {
      throw new ObjectiveRefused(e.getMessage(), e);
    }
    List<Op> targets = new ArrayList<>();
    targets.add(new Adam<>(store, step, learningRate(), 0).minimize(loss));
    targets.addAll(vars.averageUpdates());
    FlowRefinement.Ops<T> lbfgs = null;
    if (s.training().lbfgsSteps() > 0) {
      // The same flow and objective over the same variables, asked for the gradient of the
      // loss's own value, on all the training data.
      StoredVariables<T> live = new StoredVariables<>(store, false);
      BijectiveLayer.Built<T> liveFlow =
          s.stack().build(new PrefixedContext<>(live, FLOW), s.degreesOfFreedom());
      ObjectiveGraph<T> exactObjective = objectiveGraph(live, liveFlow, k);
      Operand<T> exact = s.objective().build(exactObjective);
      List<VariableStore.Entry<T>> refined = refined();
      lbfgs = new FlowRefinement.Ops<>(refined, exact, gradients(exact, refined),
          exactObjective.reports(), live.averageUpdates());
    }
    return new Graph<>(loss, objective.reports(), targets, lbfgs, calibration());
  }

  /**
   * Running averages (zero-center's mean) lag the weights by about 1/(1 − momentum) steps; an
   * average that L-BFGS or the last Adam steps left behind shifts every evaluated latent plane.
   * After training they are set to the statistics of all the training data at the final
   * weights, as the training steps computed them (batch statistics in every layer). Objectives
   * without data keep their averages over prior draws.
   */
  private List<Op> calibration() {
    Operand<T> all = data();
    if (all == null) {
      return List.of();
    }
    StoredVariables<T> calibrating = StoredVariables.calibrating(store);
    int n = s.degreesOfFreedom();
    s.stack().build(new PrefixedContext<>(calibrating, FLOW), n)
        .forward(g.tf().reshape(all, g.tf().constant(new long[] {-1, 2L * n})));
    return calibrating.averageUpdates();
  }

  /**
   * The objective's view of the graph: its variables under its prefix, the flow, the batch (a
   * minibatch for Adam; for L-BFGS, whose variables ask for exact gradients, all the training
   * data).
   */
  private ObjectiveGraph<T> objectiveGraph(ModelContext<T> vars, BijectiveLayer.Built<T> flow,
      Operand<TInt64> k) {
    return new ObjectiveGraph<>(new PrefixedContext<>(vars, OBJECTIVE), flow,
        () -> s.stack().build(new PrefixedContext<>(new StoredVariables<>(store, true), FLOW),
            s.degreesOfFreedom()),
        s.degreesOfFreedom(), s.system(), vars.exactGradients() ? this::data : this::batch,
        s.training().batchSize(), k, s.seed());
  }

  /**
   * The variables L-BFGS refines: those of the layers {@code training.lbfgs-layers} names and
   * the objective's own, or every trainable one when it names none.
   */
  private List<VariableStore.Entry<T>> refined() {
    List<String> types = s.training().lbfgsLayers();
    if (types.isEmpty()) {
      return store.trainable();
    }
    List<String> prefixes = new ArrayList<>(List.of(OBJECTIVE));
    for (int i = 0; i < s.layerTypes().size(); i++) {
      if (types.contains(s.layerTypes().get(i))) {
        prefixes.add(FLOW + FlowStack.layerPrefix(i));
      }
    }
    return store.trainable().stream()
        .filter(v -> prefixes.stream().anyMatch(v.name()::startsWith)).toList();
  }

  /** The loss's gradient with respect to each of {@code vars}, in order. */
  private List<Operand<T>> gradients(Operand<T> loss, List<VariableStore.Entry<T>> vars) {
    Ops tf = g.tf();
    Gradients grads = tf.gradients(List.of(loss),
        vars.stream().map(v -> (Operand<?>) v.read()).toList(),
        Gradients.dx(List.of(tf.onesLike(loss)))); // OnesLike itself has no gradient
    List<Operand<T>> out = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      out.add(grads.<T>dy(i));
    }
    return out;
  }

  /**
   * The learning rate of the next step: constant, or decaying exponentially from
   * {@code learning-rate} to {@code final-learning-rate} over the run.
   */
  private Operand<T> learningRate() {
    FlowTrainingSettings t = s.training();
    if (t.finalLearningRate() == null) {
      return g.constant(t.learningRate());
    }
    Ops tf = g.tf();
    Operand<T> fraction = tf.math.div(step.read(), g.constant(t.steps()));
    return tf.math.mul(g.constant(t.learningRate()), tf.math.pow(
        g.constant(t.finalLearningRate() / t.learningRate()), fraction));
  }

  /** The objective refused to build with these settings (not a layer): reported at objective. */
  static final class ObjectiveRefused extends IllegalArgumentException {
    ObjectiveRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Builds the graph on the real setup without running it (descriptor checks). */
  static void dryBuild(Setup setup, hamflow.runtime.tf.Precision precision) {
    try (TfGraph<? extends TFloating> g = TfGraph.create(precision)) {
      dryBuild(g, setup);
    }
  }

  private static <U extends TFloating> void dryBuild(TfGraph<U> g, Setup setup) {
    new FlowTrainer<>(g, setup).build();
  }

  private Operand<T> data;
  private Operand<T> batch;

  /**
   * Every training example as one graph constant ({@code [N, 2n]} states or {@code [N, K, 2n]}
   * trajectories, as the objective reads them): the batch of the L-BFGS phase; built once.
   */
  private Operand<T> data() {
    if (data != null || s.data() == null) {
      return data;
    }
    double[][][] train = s.data().train();
    data = s.objective().data() == ObjectiveData.TRAJECTORIES ? Constants.of(g, train)
        : Constants.of(g, FlowData.states(train));
    return data;
  }

  /** A minibatch of the training data, drawn anew each step; built once, on first use. */
  private Operand<T> batch() {
    if (batch != null || s.data() == null) {
      return batch;
    }
    Ops tf = g.tf();
    Operand<T> all = data();
    Operand<TInt64> seed = tf.stack(List.of(tf.constant(s.seed() * 1024 + 1),
        tf.dtypes.cast(step.read(), TInt64.class)));
    double[][][] train = s.data().train();
    long size = s.objective().data() == ObjectiveData.TRAJECTORIES ? train.length
        : (long) train.length * train[0].length;
    Operand<TInt64> idx = tf.random.statelessRandomUniformInt(
        tf.constant(new long[] {s.training().batchSize()}), seed, tf.constant(0L),
        tf.constant(size));
    batch = tf.gather(all, idx, tf.constant(0));
    return batch;
  }

  /**
   * Trains from step {@code start} (0, or a checkpoint's step with its {@code state}) to the
   * configured number of steps: Adam, then the L-BFGS iterations if any.
   */
  Outcome run(int start, Map<String, double[]> state, LossHistory history, IntConsumer progress,
      java.util.function.DoubleConsumer lossSink, Checkpointer checkpoints) {
    Graph<T> built = build();
    Map<String, double[]> initial = new LinkedHashMap<>();
    store.all().forEach(e -> initial.put(e.name(), e.initial()));
    Session session = g.session();
    if (state == null) {
      store.initialize(session);
    } else {
      store.assign(session, state);
    }
    List<String> names = List.copyOf(built.reports().keySet());
    FlowTrainingSettings t = s.training();
    long begin = System.nanoTime();
    int timed = Math.min(start + 5, t.steps() - 1); // first runs include TF's graph optimisation
    for (int k = start; k < t.steps(); k++) {
      if (k == timed) {
        begin = System.nanoTime();
      }
      boolean log = k % t.logEvery() == 0 || k == t.steps() - 1;
      Session.Runner runner = session.runner().fetch(built.loss());
      built.targets().forEach(runner::addTarget);
      if (log) {
        names.forEach(name -> runner.fetch(built.reports().get(name)));
      }
      try (Result r = runner.run()) {
        double loss = Tensors.flat(r.get(0))[0];
        if (!Double.isFinite(loss)) {
          throw new TrainingDivergedException("flow", k, loss);
        }
        lossSink.accept(loss);
        if (log) {
          double first = names.isEmpty() ? Double.NaN : Tensors.flat(r.get(1))[0];
          history.add(k, loss, first);
        }
      }
      progress.accept(1);
      int done = k + 1;
      if (t.checkpointEvery() > 0 && done % t.checkpointEvery() == 0 && done < t.totalSteps()) {
        checkpoints.save(done, store.values(session), history);
      }
    }
    double perStep = (System.nanoTime() - begin) / 1e9 / Math.max(1, t.steps() - timed);
    Optional<FlowRefinement.Summary> lbfgs = Optional.empty();
    int from = Math.max(start, t.steps());
    if (from < t.totalSteps()) {
      lbfgs = Optional.of(new FlowRefinement<>(store, session, built.lbfgs())
          .run(t, from, history, progress, lossSink, checkpoints));
    }
    if (!built.calibration().isEmpty()) {
      Session.Runner runner = session.runner();
      built.calibration().forEach(runner::addTarget);
      runner.run().close();
    }
    Map<String, double[]> last = store.values(session);
    checkpoints.save(t.totalSteps(), last, history);
    return new Outcome(initial, last, history, names, perStep, lbfgs);
  }
}

package hamflow.runtime.nct;

import hamflow.runtime.tf.Tensors;
import hamflow.runtime.train.Lbfgs;
import hamflow.runtime.train.LossHistory;
import hamflow.runtime.train.TrainingDivergedException;
import hamflow.runtime.train.VariableStore;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.family.TFloating;

/**
 * The L-BFGS phase after Adam ({@code training.lbfgs-steps}): the refined variables as one flat
 * vector, the objective evaluated on one batch held fixed: all the training data (full-batch), or
 * one batch of prior draws, fixed because every draw of a flow graph is seeded by the step
 * counter, which L-BFGS does not advance. The objective is then a deterministic function of the
 * weights, which a quasi-Newton line search needs.
 * Running averages (zero-center) are folded in at every accepted iteration, not at trial points.
 */
final class FlowRefinement<T extends TFloating> {
  /** What the phase did: iterations accepted, objective evaluations, why it stopped, time. */
  record Summary(int iterations, int evaluations, Lbfgs.Stop stop, double seconds) {}

  /**
   * The graph pieces it runs: the variables it refines, the loss, its gradient per refined
   * variable, the reports and the running-average updates.
   */
  record Ops<T extends TFloating>(List<VariableStore.Entry<T>> vars, Operand<T> loss,
      List<Operand<T>> gradients, Map<String, Operand<T>> reports, List<Op> averageUpdates) {}

  private final VariableStore<T> store;
  private final Session session;
  private final Ops<T> ops;
  private final List<VariableStore.Entry<T>> vars;

  FlowRefinement(VariableStore<T> store, Session session, Ops<T> ops) {
    this.store = store;
    this.session = session;
    this.ops = ops;
    this.vars = ops.vars();
  }

  /**
   * Runs from step {@code from} (the Adam steps, plus iterations already done before a resume)
   * to {@code settings.totalSteps()}, logging into {@code history} on the Adam phase's cadence.
   */
  Summary run(FlowTrainingSettings settings, int from, LossHistory history, IntConsumer progress,
      DoubleConsumer lossSink, FlowTrainer.Checkpointer checkpoints) {
    long begin = System.nanoTime();
    int budget = settings.totalSteps() - from;
    List<String> names = List.copyOf(ops.reports().keySet());
    int[] done = {from};
    Lbfgs.Result r = new Lbfgs(settings.lbfgsHistory(), 0).minimize(this::evaluate, flat(),
        budget, (k, x, value) -> {
          done[0] = from + k;
          int step = done[0];
          boolean log = step % settings.logEvery() == 0 || step == settings.totalSteps();
          double report = log || !ops.averageUpdates().isEmpty()
              ? foldAverages(names, log, step) : Double.NaN;
          if (log) {
            history.add(step, value, report);
          }
          lossSink.accept(value);
          progress.accept(1);
          if (settings.checkpointEvery() > 0 && step % settings.checkpointEvery() == 0
              && step < settings.totalSteps()) {
            checkpoints.save(step, store.values(session), history);
          }
        });
    if (done[0] < settings.totalSteps()) { // stopped early: converged
      history.add(done[0], r.value(), foldAverages(names, true, done[0]));
      progress.accept(settings.totalSteps() - done[0]);
    }
    return new Summary(r.iterations(), r.evaluations(), r.stop(),
        (System.nanoTime() - begin) / 1e9);
  }

  /** The objective at {@code x}: assigns the weights, then fetches loss and gradient. */
  private double evaluate(double[] x, double[] gradient) {
    store.assign(session, vars, x);
    Session.Runner runner = session.runner().fetch(ops.loss());
    ops.gradients().forEach(runner::fetch);
    try (Result r = runner.run()) {
      double loss = Tensors.flat(r.get(0))[0];
      int offset = 0;
      for (int i = 0; i < vars.size(); i++) {
        double[] gi = Tensors.flat(r.get(i + 1));
        System.arraycopy(gi, 0, gradient, offset, gi.length);
        offset += gi.length;
      }
      if (!Double.isFinite(loss)) {
        return Double.POSITIVE_INFINITY; // the line search backs off
      }
      return loss;
    }
  }

  /** Runs the running-average updates at the current weights; the first report when asked. */
  private double foldAverages(List<String> names, boolean fetchReport, int step) {
    Session.Runner runner = session.runner().fetch(ops.loss());
    ops.averageUpdates().forEach(runner::addTarget);
    boolean report = fetchReport && !names.isEmpty();
    if (report) {
      runner.fetch(ops.reports().get(names.get(0)));
    }
    try (Result r = runner.run()) {
      double loss = Tensors.flat(r.get(0))[0];
      if (!Double.isFinite(loss)) {
        throw new TrainingDivergedException("flow (L-BFGS)", step, loss);
      }
      return report ? Tensors.flat(r.get(1))[0] : Double.NaN;
    }
  }

  private double[] flat() {
    Map<String, double[]> values = store.values(session);
    int size = vars.stream().mapToInt(v -> v.initial().length).sum();
    double[] x = new double[size];
    int offset = 0;
    for (VariableStore.Entry<T> v : vars) {
      double[] value = values.get(v.name());
      System.arraycopy(value, 0, x, offset, value.length);
      offset += value.length;
    }
    return x;
  }
}

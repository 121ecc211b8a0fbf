package hamflow.runtime.train;

import hamflow.api.integrate.Integrator;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.report.NpzWriter;
import hamflow.runtime.report.TrainPlots;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.HostFunction;
import hamflow.runtime.tf.TfGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.types.TFloat64;

/**
 * Scores the trained models and writes the report of a train run: {@code loss.csv} and
 * {@code loss.png}, {@code energy.png}, {@code trajectory.png}, {@code hamiltonian.png} (1
 * degree of freedom), {@code rollout.csv}/{@code rollout.png} when asked, and the numbers
 * returned for {@code metrics.json}.
 */
final class TrainReport {
  private final TrainDescriptor d;
  private final Path dir;
  private final HamiltonianSystem system;
  private final Dataset data;
  private final int n;
  private final Map<String, Model> models;
  private final Map<String, TrainingRun> runs;

  TrainReport(TrainDescriptor d, Path dir, HamiltonianSystem system, Dataset data, int n,
      Map<String, Model> models, Map<String, TrainingRun> runs) {
    this.d = d;
    this.dir = dir;
    this.system = system;
    this.data = data;
    this.n = n;
    this.models = models;
    this.runs = runs;
  }

  Map<String, Object> write() throws IOException {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("name", d.name());
    metrics.put("degrees_of_freedom", n);
    if (data != null) {
      metrics.put("train_examples", data.examples(data.train(), d.loss().create(
          hamflow.api.loss.Loss.class).target()).size());
      metrics.put("train_trajectories", data.train().size());
      metrics.put("test_trajectories", data.test().size());
    }
    writeLosses();
    try (Evaluation eval = new Evaluation(system)) {
      for (String role : models.keySet()) {
        eval.add(role, models.get(role), n, runs.get(role).weights());
      }
      for (String role : models.keySet()) {
        Map<String, Object> m = new LinkedHashMap<>();
        TrainingRun run = runs.get(role);
        m.put("type", (role.equals(TrainJob.MODEL) ? d.model() : d.baseline()).type());
        m.put("steps", d.training().steps());
        List<double[]> rows = run.history().rows();
        if (!rows.isEmpty()) {
          m.put("final_train_loss", rows.get(rows.size() - 1)[1]);
          m.put("final_test_loss", rows.get(rows.size() - 1)[2]);
        }
        m.put("seconds_per_step", run.secondsPerStep());
        fieldErrors(eval, role, m);
        metrics.put(role, m);
      }
      if (system != null) {
        energy(eval, metrics);
        if (n == 1) {
          hamiltonianPlot(eval);
        }
      }
    }
    if (d.evaluation().rollout() != null && d.integrator() != null && system != null) {
      metrics.put("rollout", rollout());
    }
    return metrics;
  }

  private void fieldErrors(Evaluation eval, String role, Map<String, Object> m) {
    if (data != null) {
      for (String part : List.of("train", "test")) {
        Dataset.Examples ex = data.examples(part.equals("train") ? data.train() : data.test(),
            hamflow.api.loss.LossTarget.TIME_DERIVATIVE);
        Evaluation.Estimate e = eval.fieldError(role, ex.states(), ex.targets());
        m.put(part + "_field_mse", e.mean());
        m.put(part + "_field_mse_se", e.standardError());
      }
    } else if (system != null) {
      double[][] states = FreshStates.draw(d.data(), n, d.seed() + 3);
      Evaluation.Estimate e = eval.fieldError(role, states, eval.trueField().apply(states));
      m.put("test_field_mse", e.mean());
      m.put("test_field_mse_se", e.standardError());
    }
  }

  private void energy(Evaluation eval, Map<String, Object> metrics) throws IOException {
    EvaluationSettings e = d.evaluation();
    Evaluation.EnergyPaths paths = eval.energyPaths(e, eval.energyStates(e));
    Map<String, Evaluation.Estimate> errors = eval.energyError(paths, e.splits());
    errors.forEach((role, est) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) metrics.get(role);
      m.put("energy_mse", est.mean());
      m.put("energy_mse_se", est.standardError());
    });
    // Plots of the first evaluation state.
    Map<String, double[][]> energy = new LinkedHashMap<>();
    energy.put("true", new double[][] {paths.t(), paths.trueEnergy()[0]});
    Map<String, double[][]> phase = new LinkedHashMap<>();
    phase.put("true", column(paths.truePaths()[0], 0, n));
    paths.modelEnergy().forEach((role, en) -> {
      if (en != null) {
        energy.put(label(role), new double[][] {paths.t(), en[0]});
        phase.put(label(role), column(paths.modelPaths().get(role)[0], 0, n));
      }
    });
    TrainPlots.curves(dir.resolve("energy.png"), "True energy along each path (evaluation state 1)",
        "t", "H", energy, false);
    TrainPlots.curves(dir.resolve("trajectory.png"), "Phase space (evaluation state 1)", "q1",
        "p1", phase, false);
  }

  private String label(String role) {
    return (role.equals(TrainJob.MODEL) ? d.model() : d.baseline()).type();
  }

  private static double[][] column(double[][] path, int qIndex, int n) {
    double[][] xy = new double[2][path.length];
    for (int k = 0; k < path.length; k++) {
      xy[0][k] = path[k][qIndex];
      xy[1][k] = path[k][qIndex + n];
    }
    return xy;
  }

  private void hamiltonianPlot(Evaluation eval) throws IOException {
    var learned = eval.hamiltonian(TrainJob.MODEL);
    if (learned.isEmpty()) {
      return;
    }
    int k = 41;
    double extent = 0;
    for (double[] x : eval.energyStates(d.evaluation())) {
      extent = Math.max(extent, Math.max(Math.abs(x[0]), Math.abs(x[1])));
    }
    extent = 1.2 * Math.max(extent, 1e-3);
    double[] grid = new double[k];
    double[][] states = new double[k * k][];
    for (int i = 0; i < k; i++) {
      grid[i] = -extent + 2 * extent * i / (k - 1);
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        states[i * k + j] = new double[] {grid[i], grid[j]};
      }
    }
    double[] truth = eval.trueEnergy().applyScalar(states);
    double[] model = learned.get().applyScalar(states);
    // H_θ is defined up to a constant: align the means for a like-for-like colour scale.
    double shift = Evaluation.mean(truth) - Evaluation.mean(model);
    double[][] a = new double[k][k];
    double[][] b = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = truth[i * k + j];
        b[i][j] = model[i * k + j] + shift;
      }
    }
    TrainPlots.heatMapsSideBySide(dir.resolve("hamiltonian.png"), "true H", "learned H (shifted)",
        grid, grid, a, b, "q", "p");
  }

  private Map<String, Object> rollout() throws IOException {
    RolloutSettings r = d.evaluation().rollout();
    if (r.start().size() != 2 * n) {
      throw new IllegalArgumentException("evaluation.rollout.start has " + r.start().size()
          + " values; the system has 2n = " + 2 * n);
    }
    Integrator integrator = d.integrator().create(Integrator.class);
    double[][] start = {r.start().stream().mapToDouble(Double::doubleValue).toArray()};
    Model model = models.get(TrainJob.MODEL);
    Map<String, double[]> weights = runs.get(TrainJob.MODEL).weights();
    LearnedSystem learned = LearnedSystem.of(model, n, weights, system::sampleInitialState,
        "evaluation.rollout simulates the learned H, but model '" + d.model().type() + "'");
    if (integrator.requiresSeparable() && !(learned.separable() && system.separable())) {
      throw new IllegalArgumentException("integrator '" + d.integrator().type() + "' needs a "
          + "separable H for the rollout; use separable-hnn or a general integrator (rk4)");
    }
    Trajectories truth;
    Trajectories pred;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      truth = new Simulator<>(g, system, integrator).run(start, r.dt(), r.steps(), 1, k -> {});
    }
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      pred = new Simulator<>(g, learned, integrator).run(start, r.dt(), r.steps(), 1, k -> {});
    }
    double[][] a = truth.states()[0];
    double[][] b = pred.states()[0];
    double[] t = truth.times();
    double maxDiff = 0;
    StringBuilder csv = new StringBuilder("t");
    for (String who : List.of("true", "learned")) {
      for (int c = 0; c < 2 * n; c++) {
        csv.append(',').append(who).append(c < n ? "_q" + (c + 1) : "_p" + (c - n + 1));
      }
    }
    csv.append('\n');
    double[][] diff = new double[2][t.length];
    for (int k = 0; k < t.length; k++) {
      double dist = 0;
      csv.append(t[k]);
      for (double v : a[k]) {
        csv.append(',').append(v);
      }
      for (double v : b[k]) {
        csv.append(',').append(v);
      }
      csv.append('\n');
      for (int c = 0; c < 2 * n; c++) {
        dist += (a[k][c] - b[k][c]) * (a[k][c] - b[k][c]);
      }
      diff[0][k] = t[k];
      diff[1][k] = Math.sqrt(dist);
      maxDiff = Math.max(maxDiff, diff[1][k]);
    }
    Files.writeString(dir.resolve("rollout.csv"), csv);
    Map<String, double[][]> phase = new LinkedHashMap<>();
    phase.put("true", column(a, 0, n));
    phase.put("learned", column(b, 0, n));
    TrainPlots.curves(dir.resolve("rollout.png"), "Rollout with " + d.integrator().type(),
        "q1", "p1", phase, false);
    TrainPlots.curves(dir.resolve("rollout-difference.png"), "|x_true - x_learned|", "t",
        "distance", Map.of("difference", diff), false);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("integrator", d.integrator().type());
    m.put("steps", r.steps());
    m.put("max_state_difference", maxDiff);
    m.put("final_state_difference", diff[1][t.length - 1]);
    m.put("true_energy_drift_learned_path", Trajectories.maxRelativeDrift(
        new double[][] {energyOf(b)}));
    return m;
  }

  private double[] energyOf(double[][] path) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new HostFunction<>(g, x -> system.hamiltonian(g, x)).applyScalar(path);
    }
  }

  private void writeLosses() throws IOException {
    Map<String, double[][]> curves = new LinkedHashMap<>();
    StringBuilder csv = new StringBuilder("role,step,train_loss,test_loss\n");
    runs.forEach((role, run) -> {
      List<double[]> rows = run.history().rows();
      double[][] train = new double[2][rows.size()];
      double[][] test = new double[2][rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        double[] r = rows.get(i);
        csv.append(role).append(',').append((int) r[0]).append(',').append(r[1]).append(',')
            .append(r[2]).append('\n');
        train[0][i] = r[0];
        train[1][i] = Math.max(r[1], 1e-300);
        test[0][i] = r[0];
        test[1][i] = Math.max(r[2], 1e-300);
      }
      curves.put(label(role) + " train", train);
      curves.put(label(role) + " test", test);
    });
    Files.writeString(dir.resolve("loss.csv"), csv);
    TrainPlots.curves(dir.resolve("loss.png"), "Loss", "step", "loss", curves, true);
  }

  /** The dataset as numpy arrays: x, dxdt, t, trajectory id and a train mask. */
  static void writeData(Path file, Dataset data) {
    List<Trajectory> all = new ArrayList<>(data.train());
    all.addAll(data.test());
    int rows = all.stream().mapToInt(Trajectory::length).sum();
    int dim = data.dimension();
    double[] x = new double[rows * dim];
    double[] dx = new double[rows * dim];
    double[] t = new double[rows];
    double[] id = new double[rows];
    double[] train = new double[rows];
    int r = 0;
    for (int i = 0; i < all.size(); i++) {
      Trajectory tr = all.get(i);
      for (int k = 0; k < tr.length(); k++, r++) {
        System.arraycopy(tr.x()[k], 0, x, r * dim, dim);
        System.arraycopy(tr.dxdt()[k], 0, dx, r * dim, dim);
        t[r] = tr.t()[k];
        id[r] = i;
        train[r] = i < data.train().size() ? 1 : 0;
      }
    }
    try {
      new NpzWriter().add("x", new int[] {rows, dim}, x).add("dxdt", new int[] {rows, dim}, dx)
          .add("t", new int[] {rows}, t).add("trajectory", new int[] {rows}, id)
          .add("train", new int[] {rows}, train).write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String names(Map<String, ?> m) {
    return m.keySet().stream().collect(Collectors.joining(", "));
  }
}

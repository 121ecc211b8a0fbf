package hamflow.runtime.nct;

import hamflow.runtime.report.NpzWriter;
import hamflow.runtime.report.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a flow run learned, measured and drawn: the objective with trained and untrained weights;
 * the learned frequencies against the system's normal modes and the correlation of
 * {@code ∂Q_k/∂q} with the analytic mode shapes; the spread of latent actions along test
 * trajectories beside that of the physical normal-mode actions; loss and latent-plane plots.
 */
final class FlowReport {
  /** Central-difference step of the flow's Jacobian at the origin. */
  private static final double JACOBIAN_STEP = 1e-5;

  private final FlowTrainer.Setup s;
  private final FlowEvaluationSettings e;
  private final Path dir;

  FlowReport(FlowTrainer.Setup setup, FlowEvaluationSettings evaluation, Path dir) {
    this.s = setup;
    this.e = evaluation;
    this.dir = dir;
  }

  Map<String, Object> write(FlowTrainer.Outcome o) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", s.training().steps());
    m.put("seconds-per-step", o.secondsPerStep());
    o.lbfgs().ifPresent(l -> {
      Map<String, Object> lbfgs = new LinkedHashMap<>();
      lbfgs.put("iterations", l.iterations());
      lbfgs.put("evaluations", l.evaluations());
      lbfgs.put("stop", l.stop().name().toLowerCase(java.util.Locale.ROOT));
      lbfgs.put("seconds", l.seconds());
      m.put("lbfgs", lbfgs);
    });
    Map<String, Double> trained = ObjectiveEvaluation.evaluate(s, o.weights(), e);
    m.put("trained", trained);
    m.put("untrained", ObjectiveEvaluation.evaluate(s, o.initial(), e));
    lossPlot(o);
    if (e.referenceBeta() != null && s.system().isPresent() && s.data() != null) {
      Optional<ExactEntropy.Estimate> exact = ExactEntropy.of(s.system().get(),
          e.referenceBeta(), FlowData.states(s.data().test()));
      if (exact.isPresent()) {
        m.put("exact-entropy", exact.get().entropy());
        m.put("exact-log-partition-function", exact.get().logZ());
        m.put("exact-nll", exact.get().sampleNll()); // the exact density on the test samples
        if (trained.containsKey("nll")) {
          m.put("nll-excess", trained.get("nll") - exact.get().sampleNll());
        }
      }
    }
    Optional<NormalModeBasis> modes = s.system().flatMap(NormalModeBasis::of);
    double[] logOmega = o.weights().get(FlowTrainer.OBJECTIVE + "log-omega");
    boolean frequencies = modes.isPresent() && logOmega != null;
    boolean actions = s.data() != null && s.data().points() > 1;
    if (frequencies || actions) {
      int n = s.degreesOfFreedom();
      try (FrozenFlow trainedFlow = new FrozenFlow(s.stack(), o.weights(), n);
          FrozenFlow untrainedFlow = new FrozenFlow(s.stack(), o.initial(), n)) {
        if (frequencies) {
          m.put("frequencies", frequencies(modes.get(), logOmega, trainedFlow, untrainedFlow));
        }
        if (actions) {
          m.put("actions", actions(modes, trainedFlow, untrainedFlow));
        }
      }
    }
    return m;
  }

  private void lossPlot(FlowTrainer.Outcome o) throws IOException {
    List<double[]> rows = o.history().rows();
    double[] step = rows.stream().mapToDouble(r -> r[0]).toArray();
    double[] loss = rows.stream().mapToDouble(r -> r[1]).toArray();
    Plots.lines(dir.resolve("loss.png"), "training objective", "step", "loss",
        new double[][] {step}, new double[][] {loss}, "loss");
  }

  /**
   * Learned against analytic frequencies, both sorted, and for each rank how well the
   * q-dependence at the origin of the latent pair with that frequency lines up with the analytic
   * mode (see {@link #planeCorrelation}).
   */
  private Map<String, Object> frequencies(NormalModeBasis modes, double[] logOmega,
      FrozenFlow trainedFlow, FrozenFlow untrainedFlow) throws IOException {
    int n = s.degreesOfFreedom();
    double[] learned = Arrays.stream(logOmega).map(Math::exp).toArray();
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(learned[a], learned[b]));
    double[] sorted = new double[n];
    double[] error = new double[n];
    double[] trainedCorrelation = correlations(trainedFlow, modes, order);
    double[] untrainedCorrelation = correlations(untrainedFlow, modes, order);
    for (int r = 0; r < n; r++) {
      sorted[r] = learned[order[r]];
      error[r] = Math.abs(sorted[r] - modes.omega()[r]) / modes.omega()[r];
    }
    double[] rank = new double[n];
    Arrays.setAll(rank, r -> r + 1);
    Plots.lines(dir.resolve("frequencies.png"), "latent frequencies (sorted) against the normal "
            + "modes", "mode k", "omega", new double[][] {rank, rank},
        new double[][] {modes.omega(), sorted}, "analytic / learned");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("analytic", modes.omega());
    f.put("learned", sorted);
    f.put("relative-error", error);
    f.put("max-relative-error", Arrays.stream(error).max().orElse(0));
    f.put("mode-correlation", trainedCorrelation);
    f.put("min-mode-correlation", Arrays.stream(trainedCorrelation).min().orElse(0));
    f.put("untrained-min-mode-correlation", Arrays.stream(untrainedCorrelation).min().orElse(0));
    return f;
  }

  private double[] correlations(FrozenFlow flow, NormalModeBasis modes, Integer[] order) {
    int n = s.degreesOfFreedom();
    double[][] jac = flow.jacobian(new double[2 * n], JACOBIAN_STEP);
    double[] c = new double[n];
    for (int r = 0; r < n; r++) {
      double[] dq = Arrays.copyOf(jac[order[r]], n); // ∂Q_k/∂q
      double[] dp = Arrays.copyOf(jac[n + order[r]], n); // ∂P_k/∂q
      c[r] = planeCorrelation(dq, dp, modes.qRows()[r]);
    }
    return c;
  }

  /**
   * How much of the q-dependence of latent plane k lies along mode u:
   * {@code √((a·û)² + (b·û)²) / √(|a|² + |b|²)} for {@code a = ∂Q_k/∂q}, {@code b = ∂P_k/∂q}. A
   * rotation within the (Q_k, P_k) plane leaves K unchanged, so a learned map may mix Q_k with
   * P_k; this measure is invariant to that rotation and equals |corr(∂Q_k/∂q, u)| when P_k does
   * not depend on q (as for a point transformation at p = 0).
   */
  private static double planeCorrelation(double[] a, double[] b, double[] u) {
    double uu = 0;
    double aa = 0;
    double bb = 0;
    double au = 0;
    double bu = 0;
    for (int i = 0; i < u.length; i++) {
      uu += u[i] * u[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
      au += a[i] * u[i];
      bu += b[i] * u[i];
    }
    return aa + bb == 0 || uu == 0 ? 0 : Math.sqrt((au * au + bu * bu) / uu / (aa + bb));
  }

  /**
   * Per latent pair k, the mean over test trajectories of {@code std_t(I_k)/mean_t(I_k)}, with
   * trained and untrained weights, and the same for the physical normal-mode actions
   * {@code J_k = (π_k² + ω_k² η_k²)/(2ω_k)} when the system has modes at the origin.
   */
  private Map<String, Object> actions(Optional<NormalModeBasis> modes, FrozenFlow trainedFlow,
      FrozenFlow untrainedFlow) throws IOException {
    int n = s.degreesOfFreedom();
    double[][][] test = s.data().test();
    Map<String, Object> a = new LinkedHashMap<>();
    LatentActions trainedActions = latentActions(trainedFlow, test, true);
    LatentActions untrainedActions = latentActions(untrainedFlow, test, false);
    double[] trained = trainedActions.spread();
    double[] untrained = untrainedActions.spread();
    a.put("latent-spread", trained);
    a.put("max-latent-spread", Arrays.stream(trained).max().orElse(0));
    a.put("untrained-latent-spread", untrained);
    a.put("untrained-max-latent-spread", Arrays.stream(untrained).max().orElse(0));
    // The relative spread also falls when a plane moves off the origin (a translation is
    // symplectic): its offset tells a plane whose orbits circle the origin from one that does.
    // ... and so does a plane stretched onto one thin ring (area is all a symplectic map keeps):
    // every orbit then has nearly the same action, which tells none apart.
    if (test.length > 1) {
      a.put("latent-spread-ratio", trainedActions.ratio());
      a.put("max-latent-spread-ratio", Arrays.stream(trainedActions.ratio()).max().orElse(0));
      a.put("untrained-latent-spread-ratio", untrainedActions.ratio());
    }
    a.put("latent-offset", trainedActions.offset());
    a.put("max-latent-offset", Arrays.stream(trainedActions.offset()).max().orElse(0));
    a.put("untrained-latent-offset", untrainedActions.offset());
    if (modes.isPresent()) {
      NormalModeBasis b = modes.get();
      double[][][] actions = new double[test.length][][];
      for (int i = 0; i < test.length; i++) {
        actions[i] = new double[test[i].length][n];
        for (int t = 0; t < test[i].length; t++) {
          for (int k = 0; k < n; k++) {
            double eta = dot(b.qRows()[k], test[i][t], 0);
            double pi = dot(b.pRows()[k], test[i][t], n);
            double w = b.omega()[k];
            actions[i][t][k] = (pi * pi + w * w * eta * eta) / (2 * w);
          }
        }
      }
      ActionSpreads physical = ActionSpreads.of(actions, n);
      a.put("normal-mode-spread", physical.relative());
      a.put("max-normal-mode-spread", Arrays.stream(physical.relative()).max().orElse(0));
      if (test.length > 1) {
        a.put("normal-mode-spread-ratio", physical.ratio());
        a.put("max-normal-mode-spread-ratio", Arrays.stream(physical.ratio()).max().orElse(0));
      }
    }
    return a;
  }

  private static double dot(double[] row, double[] x, int offset) {
    double sum = 0;
    for (int i = 0; i < row.length; i++) {
      sum += row[i] * x[offset + i];
    }
    return sum;
  }

  /**
   * Per latent plane k, over the test trajectories: the mean relative spread of the action, and
   * the mean offset {@code |mean_t z_k| / mean_t |z_k|} of the orbit's points {@code z_k =
   * (Q_k, P_k)} — 0 for an orbit that circles the origin evenly, near 1 for one that stays on an
   * arc far from it.
   */
  private record LatentActions(double[] spread, double[] ratio, double[] offset) {}

  /**
   * Latent actions of the test trajectories; with {@code record}, draws their latent planes and
   * writes their latent coordinates to {@code latent.npz} ({@code z_test [N, K, 2n]}, beside
   * {@code x_test} in {@code data.npz}), for analyses the report does not make.
   */
  private LatentActions latentActions(FrozenFlow flow, double[][][] test, boolean record)
      throws IOException {
    int n = s.degreesOfFreedom();
    double[][][] actions = new double[test.length][][];
    double[][][] latent = new double[test.length][][];
    for (int i = 0; i < test.length; i++) {
      latent[i] = flow.forward(test[i]);
      actions[i] = new double[latent[i].length][n];
      for (int t = 0; t < latent[i].length; t++) {
        for (int k = 0; k < n; k++) {
          double q = latent[i][t][k];
          double p = latent[i][t][n + k];
          actions[i][t][k] = (q * q + p * p) / 2;
        }
      }
    }
    if (record) {
      double[] flat = Arrays.stream(latent).flatMap(Arrays::stream)
          .flatMapToDouble(Arrays::stream).toArray();
      new NpzWriter().add("z_test", new int[] {latent.length, latent[0].length, 2 * n}, flat)
          .write(dir.resolve("latent.npz"));
      int shown = Math.min(e.plotted(), test.length);
      for (int k = 0; k < Math.min(n, 3); k++) {
        double[][] qs = new double[shown][];
        double[][] ps = new double[shown][];
        for (int i = 0; i < shown; i++) {
          final int kk = k;
          qs[i] = Arrays.stream(latent[i]).mapToDouble(z -> z[kk]).toArray();
          ps[i] = Arrays.stream(latent[i]).mapToDouble(z -> z[n + kk]).toArray();
        }
        Plots.scatter(dir.resolve("latent-plane-" + (k + 1) + ".png"),
            "latent plane " + (k + 1) + " along test trajectories", "Q" + (k + 1), "P" + (k + 1),
            qs, ps, "trajectory");
      }
    }
    double[] offset = new double[n];
    for (double[][] path : latent) {
      for (int k = 0; k < n; k++) {
        double q = 0;
        double p = 0;
        double radius = 0;
        for (double[] z : path) {
          q += z[k] / path.length;
          p += z[n + k] / path.length;
          radius += Math.hypot(z[k], z[n + k]) / path.length;
        }
        offset[k] += (radius == 0 ? 0 : Math.hypot(q, p) / radius) / latent.length;
      }
    }
    ActionSpreads spreads = ActionSpreads.of(actions, n);
    return new LatentActions(spreads.relative(), spreads.ratio(), offset);
  }
}

package hamflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * The contract every {@link HamiltonianSystem} must meet, checked in float64 on states from its
 * own sampler. A system's author extends this class and returns the system from
 * {@link #system()}; suites over many systems call the static {@code check...} methods, which
 * the {@code @Test} methods here call too. A check that does not apply to a system (no
 * closed-form gradient, not separable) is skipped through a JUnit assumption that says why; a
 * check that passes returns a one-line summary of what it measured.
 *
 * <ul>
 *   <li>{@link #checkSampler}: the sampler gives states of width 2n, finite, and equal states
 *       from equally seeded generators;
 *   <li>{@link #checkHamiltonian}: H has shape {@code [batch]}, is finite, treats the rows of a
 *       batch independently, and the field integrators see (closed-form or autodiff ∇H) has
 *       shape {@code [batch, 2n]} and is finite;
 *   <li>{@link #checkClosedFormGradient}: the closed-form gradient equals TF's autodiff of H to
 *       {@value #GRADIENT} relative;
 *   <li>{@link #checkSeparable}: a system declaring {@code H = T(p) + V(q)} satisfies
 *       {@code H(q,p) + H(q',p') = H(q,p') + H(q',p)} and ∂H/∂q does not change with p nor
 *       ∂H/∂p with q, to {@value #SEPARABLE} relative — the integrated form of
 *       {@code ∂²H/∂q∂p = 0}, which needs no second derivative;
 *   <li>{@link #checkConservation}: H and every declared conserved quantity stay constant, to
 *       {@value #CONSERVATION} relative, along a short, very accurate RK4 rollout written in
 *       the testkit.
 * </ul>
 */
public abstract class SystemContract {
  /**
   * Closed form against autodiff: the same derivative in float64 differing only in the order of
   * a handful of roundings, ~1e-15 relative; 1e-10 leaves five orders of margin while a wrong
   * factor, sign or term is O(1e-2) or more.
   */
  public static final double GRADIENT = 1e-10;

  /**
   * The swap identity of a separable H holds exactly up to the round-off of four H values
   * (~1e-15 of the largest); 1e-10 relative is far above that and far below a coupling term.
   */
  public static final double SEPARABLE = 1e-10;

  /**
   * Drift over the rollout, relative to max(1, max |Q(0)| over the batch): RK4's error over
   * {@link #ROLLOUT_STEPS} steps of {@link #ROLLOUT_DT} is ~steps·dt⁵·|x⁽⁵⁾| ≈ 1e-13·|x⁽⁵⁾|,
   * so 1e-8 leaves room for fifth derivatives up to 1e5, while a quantity that is not conserved
   * moves by ~|dQ/dt|·t = O(1e-2) for O(1) rates at t = 0.1.
   */
  public static final double CONSERVATION = 1e-8;

  /** The rollout's step: small enough that RK4's error is negligible (see CONSERVATION). */
  public static final double ROLLOUT_DT = 1e-3;

  /** Steps of the rollout: t = 0.1, long enough for any non-conserved quantity to move. */
  public static final int ROLLOUT_STEPS = 100;

  /** The system under test. */
  protected abstract HamiltonianSystem system();

  /**
   * The states checked: by default 32 from the system's sampler (seed 1). Override to add
   * states the sampler does not reach (every state must be in the system's domain).
   */
  protected double[][] states() {
    return sampledStates(system(), 32, 1);
  }

  /** The rollout's step for the conservation check; override for a stiffer system. */
  protected double rolloutDt() {
    return ROLLOUT_DT;
  }

  /** The rollout's number of steps. */
  protected int rolloutSteps() {
    return ROLLOUT_STEPS;
  }

  /** {@code count} states from the system's own sampler, seeded with {@code seed}. */
  public static double[][] sampledStates(HamiltonianSystem system, int count, long seed) {
    return Numerics.sample(system, count, seed);
  }

  @Test
  public void samplerGivesFiniteStatesOfWidth2n() {
    log(checkSampler(system()));
  }

  @Test
  public void hamiltonianIsFiniteWithOneValuePerState() {
    log(checkHamiltonian(system(), states()));
  }

  @Test
  public void closedFormGradientMatchesAutodiff() {
    log(checkClosedFormGradient(system(), states()));
  }

  @Test
  public void separableHamiltonianSplitsIntoTAndV() {
    log(checkSeparable(system(), states()));
  }

  @Test
  public void energyAndConservedQuantitiesAreConserved() {
    log(checkConservation(system(), states(), rolloutDt(), rolloutSteps()));
  }

  /** Width 2n, finite values, and equal states from equally seeded generators. */
  public static String checkSampler(HamiltonianSystem system) {
    int n = system.degreesOfFreedom();
    assertThat(n).as("degreesOfFreedom()").isPositive();
    double[][] first = sampledStates(system, 64, 5);
    double[][] again = sampledStates(system, 64, 5);
    for (int i = 0; i < first.length; i++) {
      assertThat(first[i]).as("sampled state %d: width 2n = %d", i, 2 * n).hasSize(2 * n);
      assertThat(Numerics.finite(first[i])).as("sampled state %d is finite: %s", i,
          Arrays.toString(first[i])).isTrue();
      assertThat(again[i]).as("sampled state %d drawn again from an equally seeded generator"
          + " (the sampler must draw from the generator it is given)", i)
          .containsExactly(first[i]);
    }
    return "sampler: " + first.length + " finite states of width " + 2 * n + ", reproducible";
  }

  /**
   * H has shape {@code [batch]}, is finite and does not mix rows (H of the batch reversed is H
   * reversed, exactly); the field integrators use has shape {@code [batch, 2n]} and is finite.
   */
  public static String checkHamiltonian(HamiltonianSystem system, double[][] states) {
    int n = system.degreesOfFreedom();
    int batch = states.length;
    double[][] reversed = new double[batch][];
    for (int i = 0; i < batch; i++) {
      reversed[i] = states[batch - 1 - i];
    }
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = system.hamiltonian(g, x);
      Operand<TFloat64> field = Numerics.field(g, system).gradient(x);
      List<TestGraph.Fetched> out = g.run(x, states, List.of(h, field));
      assertThat(out.get(0).shape()).as("shape of H for a batch of %d", batch)
          .containsExactly(batch);
      assertThat(out.get(1).shape()).as("shape of ∇H for a batch of %d states of width %d",
          batch, 2 * n).containsExactly(batch, 2L * n);
      double[] energy = out.get(0).values();
      for (int i = 0; i < batch; i++) {
        assertThat(energy[i]).as("H of state %s", Arrays.toString(states[i])).isFinite();
      }
      assertThat(Numerics.finite(out.get(1).values())).as("∇H is finite on every state")
          .isTrue();
      double[] flipped = g.run(x, reversed, List.of(h)).get(0).values();
      for (int i = 0; i < batch; i++) {
        // Exact equality: the same ops on the same row give the same bits, unless rows mix.
        assertThat(flipped[batch - 1 - i]).as("H of state %d with the batch reversed (rows of"
            + " a batch must be independent)", i).isEqualTo(energy[i]);
      }
      return "hamiltonian: finite, shape [" + batch + "], rows independent; ∇H finite";
    }
  }

  /** The closed-form gradient equals autodiff's to {@value #GRADIENT} relative. */
  public static String checkClosedFormGradient(HamiltonianSystem system, double[][] states) {
    int n = system.degreesOfFreedom();
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      Optional<Operand<TFloat64>> closed = system.gradient(g, x);
      Assumptions.assumeTrue(closed.isPresent(), "the system gives no closed-form gradient");
      Operand<TFloat64> auto = g.gradient(system.hamiltonian(g, x), x);
      List<TestGraph.Fetched> out = g.run(x, states, List.of(closed.get(), auto));
      assertThat(out.get(0).shape()).as("shape of the closed-form gradient")
          .containsExactly(states.length, 2L * n);
      double worst = relativeDifference(out.get(0).values(), out.get(1).values());
      assertThat(worst).as("max |closed-form gradient − autodiff| / max(1, |autodiff|)")
          .isLessThanOrEqualTo(GRADIENT);
      return String.format(Locale.ROOT,
          "gradient: max |closed form − autodiff| / max(1, |autodiff|) = %.2e", worst);
    }
  }

  /**
   * For a system declaring itself separable: with {@code A = (q, p)}, {@code B = (q', p')},
   * {@code C = (q, p')}, {@code D = (q', p)} from pairs of states, {@code H_A + H_B = H_C + H_D}
   * (which holds for every pair exactly when H = T(p) + V(q)) and, for the field integrators use,
   * {@code ∂H/∂q(A) = ∂H/∂q(C)} and {@code ∂H/∂p(A) = ∂H/∂p(D)}.
   */
  public static String checkSeparable(HamiltonianSystem system, double[][] states) {
    Assumptions.assumeTrue(system.separable(), "the system does not declare H = T(p) + V(q)");
    int n = system.degreesOfFreedom();
    int m = states.length;
    Assumptions.assumeTrue(m >= 2, "needs at least two states");
    double[][] batch = new double[4 * m][];
    for (int i = 0; i < m; i++) {
      double[] a = states[i];
      double[] b = states[(i + 1) % m];
      batch[4 * i] = a;
      batch[4 * i + 1] = b;
      batch[4 * i + 2] = swap(a, b, n);
      batch[4 * i + 3] = swap(b, a, n);
    }
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = system.hamiltonian(g, x);
      Operand<TFloat64> field = Numerics.field(g, system).gradient(x);
      List<TestGraph.Fetched> out = g.run(x, batch, List.of(h, field));
      double[] e = out.get(0).values();
      double[][] grad = out.get(1).rows();
      double worstH = 0;
      double worstGrad = 0;
      for (int i = 0; i < m; i++) {
        int r = 4 * i;
        double scale = Math.max(1, Math.max(Math.max(Math.abs(e[r]), Math.abs(e[r + 1])),
            Math.max(Math.abs(e[r + 2]), Math.abs(e[r + 3]))));
        worstH = Math.max(worstH, Math.abs(e[r] + e[r + 1] - e[r + 2] - e[r + 3]) / scale);
        for (int j = 0; j < n; j++) {
          worstGrad = Math.max(worstGrad, relative(grad[r][j], grad[r + 2][j]));
          worstGrad = Math.max(worstGrad, relative(grad[r][n + j], grad[r + 3][n + j]));
        }
      }
      assertThat(worstH).as("separable H: max |H(q,p) + H(q',p') − H(q,p') − H(q',p)|"
          + " / max(1, |H|)").isLessThanOrEqualTo(SEPARABLE);
      assertThat(worstGrad).as("separable H: max relative change of ∂H/∂q with p and of ∂H/∂p"
          + " with q").isLessThanOrEqualTo(SEPARABLE);
      return String.format(Locale.ROOT, "separable: swap identity %.2e, ∂H/∂q vs p and ∂H/∂p"
          + " vs q %.2e", worstH, worstGrad);
    }
  }

  /**
   * H and every declared conserved quantity, relative to max(1, max |Q(0)|), stay within
   * {@value #CONSERVATION} along {@code steps} RK4 steps of {@code dt} from {@code states}.
   */
  public static String checkConservation(
      HamiltonianSystem system, double[][] states, double dt, int steps) {
    List<double[][]> kept =
        Numerics.rollout(system, Numerics.Step.rk4(), states, dt, steps, steps % 10 == 0 ? 10 : 1);
    List<String> names = new ArrayList<>();
    names.add("energy");
    system.conservedQuantities().forEach(q -> names.add(q.name()));
    // Every quantity at every kept time: [quantity][time][state].
    double[][][] values = new double[names.size()][kept.size()][];
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      List<Operand<TFloat64>> fetches = new ArrayList<>();
      fetches.add(system.hamiltonian(g, x));
      for (ConservedQuantity q : system.conservedQuantities()) {
        fetches.add(q.evaluate(g, x));
      }
      for (int t = 0; t < kept.size(); t++) {
        List<TestGraph.Fetched> out = g.run(x, kept.get(t), fetches);
        for (int k = 0; k < names.size(); k++) {
          assertThat(out.get(k).shape()).as("shape of %s", names.get(k))
              .containsExactly(states.length);
          values[k][t] = out.get(k).values();
        }
      }
    }
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < names.size(); k++) {
      double scale = 1;
      for (double v : values[k][0]) {
        assertThat(v).as("%s at a sampled state", names.get(k)).isFinite();
        scale = Math.max(scale, Math.abs(v));
      }
      double worst = 0;
      for (int t = 1; t < kept.size(); t++) {
        for (int i = 0; i < states.length; i++) {
          // NaN (a rollout that left the domain) must fail: Math.max propagates it.
          worst = Math.max(worst, Math.abs(values[k][t][i] - values[k][0][i]) / scale);
        }
      }
      line.append(String.format(Locale.ROOT, " %s %.2e", names.get(k), worst));
      assertThat(worst).as("max drift of %s over %d RK4 steps of %s, relative to max(1, |%s(0)|)",
          names.get(k), steps, dt, names.get(k)).isLessThanOrEqualTo(CONSERVATION);
    }
    return "conservation over " + steps + " RK4 steps, max relative drift:" + line;
  }

  private static double[] swap(double[] q, double[] p, int n) {
    double[] out = q.clone();
    System.arraycopy(p, n, out, n, n);
    return out;
  }

  private static double relative(double a, double b) {
    return Math.abs(a - b) / Math.max(1, Math.abs(b));
  }

  private static double relativeDifference(double[] a, double[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      double d = relative(a[i], b[i]);
      worst = Math.max(worst, Double.isNaN(d) ? Double.NaN : d);
    }
    return worst;
  }

  /** Prints a check's measurement with the name of the test class, for the test log. */
  private void log(String summary) {
    System.out.printf(Locale.ROOT, "[contract] %s %s%n", getClass().getSimpleName(), summary);
  }
}

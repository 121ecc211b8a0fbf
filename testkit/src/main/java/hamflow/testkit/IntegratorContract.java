package hamflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * The contract every {@link Integrator} must meet, checked in float64 on the testkit's own
 * {@link ReferenceSystems}: a harmonic oscillator (exact flow known), Hénon–Heiles (separable,
 * nonlinear, n = 2) and, for a method that does not {@link Integrator#requiresSeparable()}, a
 * non-separable H. An integrator's author extends this class and returns the integrator from
 * {@link #integrator()}; suites over many integrators call the static {@code check...} methods,
 * which the {@code @Test} methods here call too. A check that does not apply (a symplectic check
 * of a method that does not claim it; any deterministic check of a {@link Integrator#stochastic()}
 * method) is skipped through a JUnit assumption that says why.
 *
 * <ul>
 *   <li>{@link #checkFiniteStep}: one step keeps the shape {@code [batch, 2n]} and gives finite
 *       states, on every reference system the method accepts;
 *   <li>{@link #checkOrder}: the measured global order on the oscillator (fitted slope of log
 *       error at t = 2 against log dt) is {@link Integrator#order()} within {@value #ORDER};
 *   <li>{@link #checkOrderOnNonSeparableH}: the same on the non-separable H, by
 *       self-convergence, for a method that accepts it;
 *   <li>{@link #checkSymplectic}: a symplectic method's one-step Jacobian (TF autodiff) has
 *       {@code JᵀΩJ = Ω} to {@value #OMEGA}, on every reference system it accepts;
 *   <li>{@link #checkEnergyErrorBounded}: a symplectic method's energy error over 10 000 steps
 *       does not grow: its largest value over the last tenth of the run is at most
 *       {@value #ENERGY_GROWTH}× that over the first tenth.
 * </ul>
 */
public abstract class IntegratorContract {
  /**
   * ±0.2: a fit over a factor 8 to 32 in dt of an error C·dt^p(1 + O(dt)) differs from p by the
   * higher-order terms only (a few hundredths for the bundled methods); 0.2 is well inside the
   * gap between neighbouring integer orders, so an order-1 method claiming 2 still fails.
   */
  public static final double ORDER = 0.2;

  /**
   * JᵀΩJ of an exactly symplectic step differs from Ω by float64 round-off in O(10) products of
   * O(1) Jacobian entries (~1e-15 each); 1e-10 leaves five orders of room and is far below a
   * non-symplectic step at dt = 0.2 (RK4: ~dt⁶/72 ≈ 1e-6; explicit Euler: ~dt² = 0.04).
   */
  public static final double OMEGA = 1e-10;

  /**
   * A symplectic method's energy error oscillates about a modified Hamiltonian; the largest
   * value over the last tenth of the run matches that over the first up to sampling noise
   * (measured ratios 0.98 to 1.02), while a drift growing even like √t gives ≥ 3×.
   */
  public static final double ENERGY_GROWTH = 1.1;

  /** Errors below this are round-off, not truncation, and are left out of the order fit. */
  static final double ROUND_OFF_FLOOR = 1e-11;

  /** The time at which the order is measured, and the step counts tried (dt = T/N). */
  private static final double T = 2.0;
  private static final int[] STEP_COUNTS = {10, 20, 40, 80, 160, 320, 640};

  /** Step size of the symplecticity check: large, so a non-symplectic defect is visible. */
  private static final double JACOBIAN_DT = 0.2;

  /** m, k and q0 away from 1, 1 and 0, so a step that dropped any of them would be off. */
  private static final ReferenceSystems.HarmonicOscillator OSCILLATOR =
      ReferenceSystems.harmonicOscillator(1.5, 2.0, 0.3);

  /** Neither at rest nor at equilibrium: both q and p terms of the flow matter. */
  private static final double[][] OSCILLATOR_STATES = {{1.1, -0.4}, {-0.2, 0.7}};

  /** Coordinates up to 1.3, where the coupling terms are comparable to the quadratic part. */
  private static final double[][] NON_SEPARABLE_STATES = {
    {1.0, -0.5, 0.3, 0.8}, {-1.2, 0.9, 1.1, -0.6}, {0.4, 1.2, -1.0, 0.7}, {0.0, 0.0, 1.3, 0.0}
  };

  /** Hénon–Heiles states at energy 1/12 and below (regular orbits in the bounded well). */
  private static final double[][] HENON_HEILES_STATES = {
    {0, 0.1, Math.sqrt(2.0 / 12 - 0.01 + 2 * 0.001 / 3), 0}, {0.2, -0.1, 0.1, 0.25},
    {-0.15, 0.2, -0.2, 0.1}, {0.05, 0.0, 0.3, -0.2}
  };

  /** The integrator under test. */
  protected abstract Integrator integrator();

  @Test
  public void stepGivesFiniteStatesOfTheSameShape() {
    log(checkFiniteStep(integrator()));
  }

  @Test
  public void convergesAtItsDeclaredOrder() {
    log(checkOrder(integrator()));
  }

  @Test
  public void convergesAtItsDeclaredOrderOnANonSeparableH() {
    log(checkOrderOnNonSeparableH(integrator()));
  }

  @Test
  public void symplecticStepPreservesTheSymplecticForm() {
    log(checkSymplectic(integrator()));
  }

  @Test
  public void symplecticIntegratorKeepsTheEnergyErrorBounded() {
    log(checkEnergyErrorBounded(integrator()));
  }

  /** One step of dt = 0.1 keeps the shape {@code [batch, 2n]} and gives finite states. */
  public static String checkFiniteStep(Integrator integrator) {
    StringBuilder summary = new StringBuilder("one step finite on");
    for (Case c : cases(integrator)) {
      double[][] states = Numerics.sample(c.system(), 8, 3);
      try (TestGraph<TFloat64> g = TestGraph.float64()) {
        Operand<TFloat64> x = g.placeholder();
        Operand<TFloat64> next =
            integrator.step(g, Numerics.field(g, c.system()), x, g.constant(0.1));
        TestGraph.Fetched out = g.run(x, states, List.of(next)).get(0);
        assertThat(out.shape()).as("shape of one step on %s", c.name())
            .containsExactly(states.length, states[0].length);
        assertThat(Numerics.finite(out.values())).as("one step on %s is finite", c.name())
            .isTrue();
      }
      summary.append(' ').append(c.name());
    }
    return summary.toString();
  }

  /**
   * The fitted slope of log(max error at t = 2) against log(dt), on the oscillator whose exact
   * flow is known, is {@link Integrator#order()} within {@value #ORDER}.
   */
  public static String checkOrder(Integrator integrator) {
    assumeDeterministic(integrator);
    double[] errors = new double[STEP_COUNTS.length];
    for (int i = 0; i < STEP_COUNTS.length; i++) {
      int n = STEP_COUNTS[i];
      double[][] end = endStates(OSCILLATOR, integrator, OSCILLATOR_STATES, n);
      double error = 0;
      for (int s = 0; s < OSCILLATOR_STATES.length; s++) {
        double[] exact = OSCILLATOR.exact(OSCILLATOR_STATES[s], T);
        for (int j = 0; j < 2; j++) {
          error = Math.max(error, Math.abs(end[s][j] - exact[j]));
        }
      }
      errors[i] = error;
    }
    return fitOrder(integrator, "harmonic oscillator", errors);
  }

  /**
   * On the non-separable H, which has no closed-form flow, the error at dt is estimated by
   * self-convergence, {@code |x_dt(T) − x_{dt/2}(T)| = C dt^p (1 − 2^−p) + …}, which has the
   * same slope p. Only for a method that does not require a separable H.
   */
  public static String checkOrderOnNonSeparableH(Integrator integrator) {
    assumeDeterministic(integrator);
    Assumptions.assumeFalse(integrator.requiresSeparable(),
        "the integrator requires a separable H");
    HamiltonianSystem system = ReferenceSystems.nonSeparable();
    double[][] initial = {{0.8, -0.3, 0.2, 0.6}, {-0.5, 0.7, -0.4, -0.2}};
    double[][][] ends = new double[STEP_COUNTS.length][][];
    for (int i = 0; i < STEP_COUNTS.length; i++) {
      ends[i] = endStates(system, integrator, initial, STEP_COUNTS[i]);
    }
    double[] errors = new double[STEP_COUNTS.length - 1];
    for (int i = 0; i < errors.length; i++) {
      double error = 0;
      for (int s = 0; s < initial.length; s++) {
        for (int j = 0; j < initial[s].length; j++) {
          error = Math.max(error, Math.abs(ends[i][s][j] - ends[i + 1][s][j]));
        }
      }
      errors[i] = error;
    }
    return fitOrder(integrator, "non-separable H", errors);
  }

  /**
   * A method that claims to be symplectic has {@code JᵀΩJ = Ω} to {@value #OMEGA}, J the
   * Jacobian of one step of dt = 0.2 by autodiff, on every reference system it accepts.
   */
  public static String checkSymplectic(Integrator integrator) {
    assumeDeterministic(integrator);
    Assumptions.assumeTrue(integrator.symplectic(),
        "the integrator does not declare itself symplectic");
    StringBuilder summary = new StringBuilder("max |JᵀΩJ − Ω|:");
    for (Case c : cases(integrator)) {
      double worst = 0;
      for (double[][] j : Numerics.stepJacobians(c.system(), integrator, c.states(), JACOBIAN_DT)) {
        worst = Math.max(worst, Numerics.omegaDefect(j));
      }
      summary.append(String.format(Locale.ROOT, " %s %.2e", c.name(), worst));
      assertThat(worst).as("max |JᵀΩJ − Ω| of one step of dt = %s on %s", JACOBIAN_DT, c.name())
          .isLessThanOrEqualTo(OMEGA);
    }
    return summary.toString();
  }

  /**
   * A symplectic method keeps the relative energy error bounded over 10 000 steps of dt = 0.05
   * on the unit oscillator (about 80 periods) and on Hénon–Heiles orbits at energy ≤ 1/12: the
   * largest error over the last tenth is at most {@value #ENERGY_GROWTH}× that over the first
   * tenth, plus 1e-11 for accumulated round-off (which matters only for errors near 1e-10).
   */
  public static String checkEnergyErrorBounded(Integrator integrator) {
    assumeDeterministic(integrator);
    Assumptions.assumeTrue(integrator.symplectic(),
        "the integrator does not declare itself symplectic");
    int steps = 10_000;
    int keepEvery = 10;
    double dt = 0.05;
    List<Case> cases = List.of(
        new Case("unit oscillator", ReferenceSystems.harmonicOscillator(1, 1, 0),
            new double[][] {{1.0, 0.0}, {0.3, -0.8}}),
        new Case("henon-heiles", ReferenceSystems.henonHeiles(),
            new double[][] {HENON_HEILES_STATES[0], HENON_HEILES_STATES[1]}));
    StringBuilder summary = new StringBuilder("energy error first/last tenth:");
    for (Case c : cases) {
      List<double[][]> kept = Numerics.rollout(
          c.system(), Numerics.Step.of(integrator), c.states(), dt, steps, keepEvery);
      double[][] energy = energies(c.system(), kept);
      int times = kept.size();
      int tenth = (times - 1) / 10;
      for (int s = 0; s < c.states().length; s++) {
        double e0 = energy[0][s];
        double first = 0;
        double last = 0;
        for (int t = 1; t < times; t++) {
          double err = Math.abs(energy[t][s] - e0) / Math.abs(e0);
          if (t <= tenth) {
            first = Math.max(first, err);
          }
          if (t >= times - tenth) {
            // NaN (a run that blew up) must fail: Math.max propagates it.
            last = Math.max(last, err);
          }
        }
        summary.append(String.format(Locale.ROOT, " %s#%d %.2e/%.2e", c.name(), s, first, last));
        assertThat(last).as("%s state %d: largest relative energy error over the last tenth of"
            + " %d steps of %s, against %.3e over the first tenth", c.name(), s, steps, dt, first)
            .isLessThanOrEqualTo(ENERGY_GROWTH * first + 1e-11);
      }
    }
    return summary.toString();
  }

  /** A reference system and states to start from. */
  private record Case(String name, HamiltonianSystem system, double[][] states) {}

  /** The reference systems the integrator accepts, with states for one-step checks. */
  private static List<Case> cases(Integrator integrator) {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("harmonic oscillator", OSCILLATOR, OSCILLATOR_STATES));
    cases.add(new Case("henon-heiles", ReferenceSystems.henonHeiles(), HENON_HEILES_STATES));
    if (!integrator.requiresSeparable()) {
      cases.add(new Case("non-separable H", ReferenceSystems.nonSeparable(),
          NON_SEPARABLE_STATES));
    }
    return cases;
  }

  private static void assumeDeterministic(Integrator integrator) {
    Assumptions.assumeFalse(integrator.stochastic(),
        "the integrator is stochastic: deterministic checks (order, JᵀΩJ = Ω, bounded energy"
            + " error) do not apply to a random map");
  }

  /** The states after n steps of T/n from {@code initial}. */
  private static double[][] endStates(
      HamiltonianSystem system, Integrator integrator, double[][] initial, int n) {
    List<double[][]> kept =
        Numerics.rollout(system, Numerics.Step.of(integrator), initial, T / n, n, n);
    return kept.get(kept.size() - 1);
  }

  /**
   * The least-squares slope of log(error) against log(dt) over the levels whose error is above
   * round-off ({@value #ROUND_OFF_FLOOR}), leaving out the coarsest level (dt = 0.2, not yet
   * asymptotic for low orders) unless fewer than three levels would remain.
   */
  private static String fitOrder(Integrator integrator, String on, double[] errors) {
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < errors.length; i++) {
      table.append(String.format(Locale.ROOT, " N=%d %.2e", STEP_COUNTS[i], errors[i]));
      assertThat(errors[i]).as("error with %d steps on %s", STEP_COUNTS[i], on).isFinite();
    }
    List<Integer> usable = new ArrayList<>();
    for (int i = 1; i < errors.length; i++) {
      if (errors[i] >= ROUND_OFF_FLOOR) {
        usable.add(i);
      }
    }
    if (usable.size() < 3 && errors[0] >= ROUND_OFF_FLOOR) {
      usable.add(0, 0);
    }
    assertThat(usable).as("levels with an error above round-off on %s:%s", on, table)
        .hasSizeGreaterThanOrEqualTo(3);
    double[] logDt = new double[usable.size()];
    double[] logError = new double[usable.size()];
    for (int k = 0; k < usable.size(); k++) {
      logDt[k] = Math.log(T / STEP_COUNTS[usable.get(k)]);
      logError[k] = Math.log(errors[usable.get(k)]);
    }
    double order = Numerics.slope(logDt, logError);
    assertThat(order).as("measured order on %s (declared %d):%s", on, integrator.order(), table)
        .isCloseTo(integrator.order(), within(ORDER));
    return String.format(Locale.ROOT, "order on %s: declared %d, measured %.3f;%s",
        on, integrator.order(), order, table);
  }

  /** H at every kept time, {@code [time][state]}, from one run over all kept states. */
  private static double[][] energies(HamiltonianSystem system, List<double[][]> kept) {
    int batch = kept.get(0).length;
    double[][] all = new double[kept.size() * batch][];
    for (int t = 0; t < kept.size(); t++) {
      System.arraycopy(kept.get(t), 0, all, t * batch, batch);
    }
    double[] h;
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      h = g.run(x, all, List.of(system.hamiltonian(g, x))).get(0).values();
    }
    double[][] out = new double[kept.size()][batch];
    for (int t = 0; t < kept.size(); t++) {
      System.arraycopy(h, t * batch, out[t], 0, batch);
    }
    return out;
  }

  private void log(String summary) {
    System.out.printf(Locale.ROOT, "[contract] %s %s%n", getClass().getSimpleName(), summary);
  }
}

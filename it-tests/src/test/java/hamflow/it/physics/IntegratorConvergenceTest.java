package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.Numerics;
import hamflow.testkit.ReferenceSystems;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TFloat64;

/**
 * Each bundled integrator, integrating a harmonic oscillator whose exact flow is known, converges
 * at the order it claims: the fitted slope of log(error) against log(dt) is the nominal order.
 */
class IntegratorConvergenceTest {
  // m, k and q0 all differ from 1, 1, 0, so a step that dropped any of them would be off.
  private static final double MASS = 1.5;
  private static final double SPRING = 2.0;
  private static final double Q0 = 0.3;
  private static final double OMEGA = Math.sqrt(SPRING / MASS);
  private static final HarmonicOscillator OSCILLATOR =
      new HarmonicOscillator(new HarmonicOscillator.Parameters(MASS, SPRING, Q0, 0.2, 1.0));

  /** Two states, neither at rest nor at equilibrium: both q and p terms of the flow matter. */
  private static final double[][] INITIAL = {{1.1, -0.4}, {-0.2, 0.7}};

  private static final double T = 2.0;

  /**
   * ±0.2: the fit over a factor 16 in dt of an error C·dt^p(1 + O(dt)) differs from p by the
   * higher-order terms only (a few hundredths here, see the printed orders); 0.2 is well inside
   * the gap between neighbouring integer orders, so an order-1 method claiming 2 still fails.
   */
  private static final double ORDER_TOLERANCE = 0.2;

  /**
   * Each row: type, nominal order, coarsest N and number of doublings. By default dt = 0.1 …
   * 0.00625 (N = 20 … 320): at the finest step RK4's error is still 6e-11, more than two orders
   * above float64 round-off accumulated over 320 steps (~1e-13), and at the coarsest step every
   * method is already in its asymptotic regime (ωdt ≈ 0.12). Sixth order uses N = 10 … 80, so
   * its finest error stays above round-off too.
   */
  @ParameterizedTest(name = "{0} converges at order {1}")
  @CsvSource({
    "explicit-euler, 1, 20, 5",
    "symplectic-euler, 1, 20, 5",
    "symplectic-euler-drift-kick, 1, 20, 5",
    "leapfrog, 2, 20, 5",
    "rk4, 4, 20, 5",
    "yoshida4, 4, 20, 5",
    "forest-ruth, 4, 20, 5",
    "yoshida6, 6, 10, 4",
    "implicit-midpoint, 2, 20, 5",
    "generalized-leapfrog, 2, 20, 5"
  })
  void convergesAtItsNominalOrder(String type, int nominalOrder, int coarsest, int levels) {
    Integrator integrator = BundledPlugins.integrator(type);
    assertThat(integrator.order()).as("%s.order()", type).isEqualTo(nominalOrder);

    double[] logDt = new double[levels];
    double[] logError = new double[levels];
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      int n = coarsest << i;
      double dt = T / n;
      double error = maxErrorAtT(integrator, dt, n);
      // A zero or non-finite error would make the fit meaningless (and log(0) = -inf).
      assertThat(error).as("%s error with %d steps", type, n).isFinite().isPositive();
      logDt[i] = Math.log(dt);
      logError[i] = Math.log(error);
      table.append(String.format(Locale.ROOT, " N=%d err=%.3e", n, error));
    }
    double order = Numerics.slope(logDt, logError);
    System.out.printf(
        Locale.ROOT, "[convergence] %-16s nominal %d measured %.3f%s%n",
        type, nominalOrder, order, table);
    assertThat(order).as("measured order of %s", type)
        .isCloseTo(nominalOrder, within(ORDER_TOLERANCE));
  }

  /**
   * The same fit on the testkit's {@link ReferenceSystems#nonSeparable()}, which has no
   * closed-form flow: the error at step dt is estimated by self-convergence,
   * {@code |x_dt(T) − x_{dt/2}(T)|}, which is {@code C dt^p (1 − 2^−p) + …}, so it has the same
   * slope p. Every deterministic integrator that accepts a non-separable H is checked
   * (N = 20 … 320 against 40 … 640 steps; RK4's finest difference, ~1e-11, is still far above
   * round-off).
   */
  @ParameterizedTest(name = "{0} converges at its order on a non-separable H")
  @MethodSource("hamflow.it.physics.SymplecticityTest#nonSeparableIntegrators")
  void convergesAtItsOrderOnANonSeparableH(String type) {
    Integrator integrator = BundledPlugins.integrator(type);
    HamiltonianSystem system = ReferenceSystems.nonSeparable();
    double[][] initial = {{0.8, -0.3, 0.2, 0.6}, {-0.5, 0.7, -0.4, -0.2}};
    int levels = 5;
    double[] logDt = new double[levels];
    double[] logError = new double[levels];
    StringBuilder table = new StringBuilder();
    // The fine run of one level is the coarse run of the next: N = 20, 40, …, 640, once each.
    double[][][] ends = new double[levels + 1][][];
    for (int i = 0; i <= levels; i++) {
      int n = 20 << i;
      ends[i] = endStates(system, integrator, initial, T / n, n);
    }
    for (int i = 0; i < levels; i++) {
      int n = 20 << i;
      double[][] coarse = ends[i];
      double[][] fine = ends[i + 1];
      double error = 0;
      for (int s = 0; s < initial.length; s++) {
        for (int j = 0; j < coarse[s].length; j++) {
          error = Math.max(error, Math.abs(coarse[s][j] - fine[s][j]));
        }
      }
      assertThat(error).as("%s self-convergence difference with %d steps", type, n)
          .isFinite().isPositive();
      logDt[i] = Math.log(T / n);
      logError[i] = Math.log(error);
      table.append(String.format(Locale.ROOT, " N=%d diff=%.3e", n, error));
    }
    double order = Numerics.slope(logDt, logError);
    System.out.printf(Locale.ROOT,
        "[convergence] %-16s non-separable H, nominal %d measured %.3f%s%n",
        type, integrator.order(), order, table);
    assertThat(order).as("measured order of %s on a non-separable H", type)
        .isCloseTo(integrator.order(), within(ORDER_TOLERANCE));
  }

  private static double[][] endStates(HamiltonianSystem system, Integrator integrator,
      double[][] initial, double dt, int n) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Trajectories t = new Simulator<>(g, system, integrator).run(initial, dt, n, n, done -> {});
      return new double[][] {t.states()[0][1], t.states()[1][1]};
    }
  }

  /** max over both states of |q − q_exact|, |p − p_exact| at time T after n steps of dt. */
  private static double maxErrorAtT(Integrator integrator, double dt, int n) {
    Trajectories result;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      result = new Simulator<>(g, OSCILLATOR, integrator).run(INITIAL, dt, n, n, done -> {});
    }
    assertThat(result.times()).hasSize(2);
    assertThat(result.times()[1]).isCloseTo(T, within(1e-12));
    double max = 0;
    for (int i = 0; i < INITIAL.length; i++) {
      double[] exact = exact(INITIAL[i], T);
      double[] end = result.states()[i][1];
      max = Math.max(max, Math.abs(end[0] - exact[0]));
      max = Math.max(max, Math.abs(end[1] - exact[1]));
    }
    return max;
  }

  /** The exact flow of H = p²/2m + k(q − q0)²/2 from {@code x0} over time t. */
  static double[] exact(double[] x0, double t) {
    double dq = x0[0] - Q0;
    double p = x0[1];
    double c = Math.cos(OMEGA * t);
    double s = Math.sin(OMEGA * t);
    return new double[] {
      Q0 + dq * c + p / (MASS * OMEGA) * s, -MASS * OMEGA * dq * s + p * c
    };
  }
}

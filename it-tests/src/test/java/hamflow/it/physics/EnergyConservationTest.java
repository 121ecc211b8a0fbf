package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.plugins.systems.HenonHeiles;
import hamflow.plugins.systems.Kepler;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TFloat64;

/**
 * Over long runs a symplectic integrator keeps the energy error bounded — leapfrog within its
 * proven bound on the oscillator and the pendulum, and every registered symplectic integrator on
 * the pendulum, Kepler (e = 0.5) and Hénon–Heiles — while a non-symplectic one (RK4 at a large
 * step, explicit Euler) lets it drift secularly.
 */
class EnergyConservationTest {
  /** m = k = 1, q0 = 0: ω = 1, H = (p² + q²)/2. */
  private static final HarmonicOscillator UNIT_OSCILLATOR =
      new HarmonicOscillator(new HarmonicOscillator.Parameters(1.0, 1.0, 0.0, 0.2, 1.0));

  private static final double LEAPFROG_DT = 0.05;
  /** 100 000 steps of 0.05: t = 5000, about 800 periods of the oscillator. */
  private static final int LEAPFROG_STEPS = 100_000;

  /**
   * Every 100 steps = 5 time units, incommensurate with the periods (2π for the oscillator), so
   * the 101 states kept in each tenth of the run sample the whole orbit and each window's max is
   * close to the orbit's.
   */
  private static final int KEEP_EVERY = 100;

  /**
   * For ω = 1 the leapfrog (kick–drift–kick) step matrix {@code [[1−h²/2, h], [−h(1−h²/4),
   * 1−h²/2]]} has the exact invariant {@code H̃ = p²/2 + (1 − h²/4) q²/2}, so along any orbit
   * H/H̃ stays in [1, 1/(1 − h²/4)] and the relative error |H − H(0)|/H(0) never exceeds
   * h²/(4 − h²) = (h²/4)(1 + O(h²)) = 6.254e-4 at h = 0.05, however many steps are taken. States
   * starting at q = 0 or p = 0 reach it (measured: 6.2536e-4). For the pendulum (m = g = l = 1)
   * the modified Hamiltonian of leapfrog is {@code H̃ = H + h²G + O(h⁴)} with
   * {@code G = p² cos q/24 − sin² q/12}; as V = 1 − cos q ≥ 0, p²/2 ≤ H, and
   * sin² q ≤ 2V, G stays in [−(p²/2)/12 − V/6, (p²/2)/12] ⊂ [−H/6, H/12], so the same relative
   * bound h²/4 + O(h⁴) holds for every orbit (measured ≈ 5e-4). The factor 1.5 leaves room for
   * the O(h⁴) terms (~h⁴ = 6e-6) and round-off, and still fails for a first-order method (error
   * ~h/2 = 0.025) or any drift.
   */
  private static final double LEAPFROG_BOUND = LEAPFROG_DT * LEAPFROG_DT / 4 * 1.5;

  /**
   * Bounded, not growing: the worst error of the last tenth of the run may exceed that of the
   * first tenth only by sampling noise (both windows sample the same bounded oscillation of H
   * about H̃; measured ratio 1.000 ± 0.03). A drift growing even like √t would give ≥ 3×.
   */
  private static final double GROWTH_ALLOWED = 1.1;

  @Test
  void leapfrogKeepsTheOscillatorEnergyErrorBounded() {
    double[][] initial = {{1.0, 0.0}, {0.3, -0.8}, {0.0, 0.5}};
    double[][] err = relativeEnergyErrors(
        UNIT_OSCILLATOR, "leapfrog", initial, LEAPFROG_DT, LEAPFROG_STEPS, KEEP_EVERY);
    assertBounded("leapfrog oscillator", err);
    for (int i = 0; i < err.length; i++) {
      // Not vacuous: over one orbit H/H̃ sweeps its whole range [1, 1/(1 − h²/4)], so whatever
      // the phase of the initial state the largest relative error is at least half of it,
      // ≈ h²/8 = 3.1e-4 (measured ≥ 5.4e-4). An integrator or energy read-out that kept H
      // constant, or an error far below leapfrog's O(h²), would fail here.
      assertThat(max(err[i], 0, err[i].length))
          .as("largest energy error of leapfrog oscillator state %d", i)
          .isGreaterThanOrEqualTo(LEAPFROG_DT * LEAPFROG_DT / 8);
    }
  }

  @Test
  void leapfrogKeepsThePendulumEnergyErrorBounded() {
    HamiltonianSystem pendulum = BundledPlugins.systemWithDefaults("pendulum");
    SplittableRandom random = new SplittableRandom(1);
    double[][] initial = {
      {1.0, 0.5}, // small libration
      {2.0, 0.0}, // libration past q = π/2, where cos q < 0
      {0.0, 1.9}, // libration near the separatrix (H = 1.805 < 2)
      {0.0, 2.2}, // rotation (H = 2.42 > 2)
      pendulum.sampleInitialState(random),
      pendulum.sampleInitialState(random)
    };
    double[][] err = relativeEnergyErrors(
        pendulum, "leapfrog", initial, LEAPFROG_DT, LEAPFROG_STEPS, KEEP_EVERY);
    assertBounded("leapfrog pendulum", err);
  }

  /**
   * RK4 applied to ω = 1 multiplies H by exactly |R(ih)|² = 1 − h⁶/72 + h⁸/576 each step (the
   * step is a scaled rotation), so the energy decays monotonically: a secular drift, not an
   * oscillation. At h = 0.4 the factor is 1 − 5.6e-5 and the relative error is 1 − f^k: 0.054
   * after 1000 steps, 0.43 after 10 000, a ratio of 7.9 where a bounded error gives ≈ 1. (At
   * h = 0.5 the decay already saturates within 10 000 steps, 0.19 → 0.88, ratio only 4.6, so
   * h = 0.4 is the large step used.) 5× sits between the two behaviours.
   */
  @Test
  void rk4DriftsSecularlyAtALargeStep() {
    double dt = 0.4;
    int steps = 10_000;
    double[][] initial = {{1.0, 0.0}, {0.3, -0.8}};
    double[][] err = relativeEnergyErrors(UNIT_OSCILLATOR, "rk4", initial, dt, steps, 100);
    for (int i = 0; i < err.length; i++) {
      int kept = err[i].length;
      double atTenth = err[i][(kept - 1) / 10];
      double atEnd = err[i][kept - 1];
      System.out.printf(Locale.ROOT,
          "[energy] rk4 oscillator dt=%.2f state %d: rel. error at 10%% %.4e, at end %.4e,"
              + " ratio %.2f%n", dt, i, atTenth, atEnd, atEnd / atTenth);
      assertThat(atTenth).as("rk4 energy error at 10%% of the run, state %d", i).isPositive();
      assertThat(atEnd).as("rk4 energy error at the end, state %d", i)
          .isGreaterThan(5 * atTenth);
    }
  }

  /** A system, the states it starts from, and the step size its symplectic runs use. */
  record Case(String name, HamiltonianSystem system, double[][] initial, double dt) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Pendulum (m = g = l = 1) at dt = 0.05: librations past π/2 and near the separatrix (not a
   * rotation: its unbounded angle loses digits in cos q, a round-off growth of ~1e-10 over
   * 100 000 steps that would swamp yoshida6's truncation error). Kepler with
   * k = −1, a = 1, eccentricity 0.5 at dt = 0.01 (period 2π ≈ 628 steps; the pericentre
   * passage, |q| = 0.5 at speed √3, lasts ≈ 0.3 = 30 steps): started at the pericentre and,
   * rotated by 90°, at the apocentre. Hénon–Heiles at dt = 0.05 on regular orbits at E = 1/12
   * (one from (0, 0.1) with p₂ = 0, one from the system's sampler).
   */
  static List<Case> cases() {
    Kepler kepler = new Kepler(new Kepler.Parameters(2, -1.0, 1.0, 0.5, 0.5));
    HenonHeiles henonHeiles = new HenonHeiles(new HenonHeiles.Parameters(1.0 / 12));
    double y = 0.1;
    double p1 = Math.sqrt(2.0 / 12 - y * y + 2 * y * y * y / 3);
    return List.of(
        new Case("pendulum", BundledPlugins.systemWithDefaults("pendulum"),
            new double[][] {{2.0, 0.0}, {0.0, 1.9}}, 0.05),
        new Case("kepler e=0.5", kepler,
            new double[][] {{0.5, 0, 0, Math.sqrt(3)}, {0, 1.5, -Math.sqrt(1.0 / 3), 0}}, 0.01),
        new Case("henon-heiles E=1/12", henonHeiles,
            new double[][] {{0, y, p1, 0}, henonHeiles.sampleInitialState(new SplittableRandom(4))},
            0.05));
  }

  /**
   * Every registered deterministic symplectic integrator on every case. Leapfrog, the reference,
   * runs 100 000 steps (t = 5000 for the pendulum and Hénon–Heiles, 160 Kepler orbits). The
   * others run 10 000 (16 Kepler orbits, about 80 pendulum and 70 Hénon–Heiles periods): a
   * TF op costs about a microsecond at this batch size, so 100 000 steps of a 15-stage method
   * (yoshida6), or of an implicit one evaluating the field 30 times per step, would take minutes
   * per case. Their step maps are checked exactly symplectic in {@link SymplecticityTest}.
   */
  static Stream<Arguments> symplecticCases() {
    List<Arguments> out = new ArrayList<>();
    for (RegisteredFactory f : BundledPlugins.registry().all(Kind.INTEGRATOR)) {
      Integrator integrator = BundledPlugins.integrator(f.type());
      if (!integrator.symplectic() || integrator.stochastic()) {
        continue;
      }
      int steps = f.type().equals("leapfrog") ? 100_000 : 10_000;
      for (Case c : cases()) {
        out.add(Arguments.of(f.type(), c, steps));
      }
    }
    return out.stream();
  }

  /**
   * Bounded, not growing: the largest relative energy error over the last tenth of the run is at
   * most {@value #GROWTH_ALLOWED}× that over the first tenth, plus 1e-11 for accumulated
   * round-off (it matters only for yoshida6, whose errors are 2e-11 to 2e-10 here; the others'
   * are 1e-7 to 4e-2). States are kept every 10 steps, so each tenth samples hundreds of
   * periods at many phases (and Kepler's pericentre spike, 30 steps wide, at several points).
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("symplecticCases")
  void symplecticIntegratorsKeepTheEnergyErrorBounded(String type, Case c, int steps) {
    double[][] err = relativeEnergyErrors(c.system(), type, c.initial(), c.dt(), steps, 10);
    for (int i = 0; i < err.length; i++) {
      int kept = err[i].length;
      int tenth = (kept - 1) / 10;
      double first = max(err[i], 0, tenth + 1);
      double last = max(err[i], kept - 1 - tenth, kept);
      System.out.printf(Locale.ROOT,
          "[energy] %-28s %-20s state %d, %6d steps: max rel. error first 10%% %.3e,"
              + " last 10%% %.3e (ratio %.3f)%n",
          type, c.name(), i, steps, first, last, last / first);
      assertThat(first).as("%s on %s state %d: error over the first tenth", type, c, i)
          .isFinite().isPositive();
      assertThat(last).as("%s on %s state %d: max error over the last tenth", type, c, i)
          .isLessThanOrEqualTo(GROWTH_ALLOWED * first + 1e-11);
    }
  }

  /**
   * Explicit Euler on the same systems: its energy error grows. Its step is shrunk (and the run
   * shortened) so that the growth stays finite — at the symplectic runs' steps it escapes
   * (Hénon–Heiles, Kepler) or overflows within the run. Measured ratios of the largest error
   * over the last and the first tenth: pendulum 9.7 and 10.6 (dt 0.005, 10 000 steps), Kepler
   * 4.5 and 8.8 (dt 0.002, 20 000 steps), Hénon–Heiles 9.7 and 11.4 (dt 0.005, 10 000 steps);
   * every symplectic run above gives 0.98 to 1.02, so 3 separates the two.
   */
  @ParameterizedTest(name = "explicit Euler on {0}")
  @MethodSource("cases")
  void explicitEulersEnergyErrorGrows(Case c) {
    double dt = c.dt() / (c.name().startsWith("kepler") ? 5 : 10);
    int steps = c.name().startsWith("kepler") ? 20_000 : 10_000;
    double[][] err = relativeEnergyErrors(c.system(), "explicit-euler", c.initial(), dt, steps, 10);
    for (int i = 0; i < err.length; i++) {
      int kept = err[i].length;
      int tenth = (kept - 1) / 10;
      double first = max(err[i], 0, tenth + 1);
      double last = max(err[i], kept - 1 - tenth, kept);
      System.out.printf(Locale.ROOT,
          "[energy] %-28s %-20s state %d, %6d steps of %.3f: max rel. error first 10%% %.3e,"
              + " last 10%% %.3e (ratio %.2f)%n",
          "explicit-euler", c.name(), i, steps, dt, first, last, last / first);
      assertThat(last).as("explicit Euler on %s state %d: error growth", c, i)
          .isGreaterThan(3 * first);
    }
  }

  private static void assertBounded(String what, double[][] err) {
    for (int i = 0; i < err.length; i++) {
      int kept = err[i].length;
      int tenth = (kept - 1) / 10;
      double first = max(err[i], 0, tenth + 1);
      double last = max(err[i], kept - 1 - tenth, kept);
      double overall = max(err[i], 0, kept);
      System.out.printf(Locale.ROOT,
          "[energy] %s state %d: max rel. error first 10%% %.4e, last 10%% %.4e (ratio %.3f),"
              + " overall %.4e (bound %.4e)%n",
          what, i, first, last, last / first, overall, LEAPFROG_BOUND);
      assertThat(last).as("%s state %d: max error over the last tenth", what, i)
          .isLessThanOrEqualTo(GROWTH_ALLOWED * first);
      assertThat(overall).as("%s state %d: max error over the run", what, i)
          .isLessThan(LEAPFROG_BOUND);
    }
  }

  private static double max(double[] v, int from, int to) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      // NaN must not be skipped: Math.max propagates it, and the assertions reject it.
      m = Math.max(m, v[i]);
    }
    return m;
  }

  /** |H(t_k) − H(0)| / |H(0)| for every trajectory and kept time. */
  private static double[][] relativeEnergyErrors(HamiltonianSystem system, String type,
      double[][] initial, double dt, int steps, int keepEvery) {
    Integrator integrator = BundledPlugins.integrator(type);
    Trajectories t;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      t = new Simulator<>(g, system, integrator).run(initial, dt, steps, keepEvery, n -> {});
    }
    double[][] energy = t.energy();
    assertThat(energy).hasNumberOfRows(initial.length);
    double[][] out = new double[energy.length][];
    for (int i = 0; i < energy.length; i++) {
      assertThat(energy[i]).hasSize(steps / keepEvery + 1);
      double e0 = energy[i][0];
      // Kepler's bound orbits have H < 0: relative to |H(0)|, which must not vanish.
      assertThat(Math.abs(e0)).as("|H| of initial state %d", i).isPositive();
      out[i] = new double[energy[i].length];
      for (int k = 0; k < energy[i].length; k++) {
        out[i][k] = Math.abs(energy[i][k] - e0) / Math.abs(e0);
      }
    }
    return out;
  }
}

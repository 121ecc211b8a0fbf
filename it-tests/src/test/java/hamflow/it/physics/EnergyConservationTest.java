package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.TfGraph;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat64;

/**
 * Over long runs a symplectic integrator (leapfrog) keeps the energy error bounded, while a
 * non-symplectic one (RK4) at a large step lets it drift secularly.
 */
class EnergyConservationTest {
  /** m = k = 1, q0 = 0: ω = 1, H = (p² + q²)/2. */
  private static final HarmonicOscillator UNIT_OSCILLATOR =
      new HarmonicOscillator(new HarmonicOscillator.Parameters(1.0, 1.0, 0.0, 0.2, 1.0));

  private static final double LEAPFROG_DT = 0.05;
  private static final int LEAPFROG_STEPS = 100_000;
  private static final int KEEP_EVERY = 100;

  /**
   * For ω = 1 the leapfrog (kick–drift–kick) step matrix {@code [[1−h²/2, h], [−h(1−h²/4),
   * 1−h²/2]]} has the exact invariant {@code H̃ = p²/2 + (1 − h²/4) q²/2}, so along any orbit
   * H/H̃ stays in [1, 1/(1 − h²/4)] and the relative error |H − H(0)|/H(0) never exceeds
   * h²/(4 − h²) = (h²/4)(1 + O(h²)) = 6.254e-4 at h = 0.05, whatever the number of steps. It
   * reaches ≈ h²/4 for states starting at p = 0 or q = 0. The factor 1.5 leaves room for the
   * O(h⁴) term and round-off while still failing for a first-order error (~h/2 = 0.025) or a
   * drift.
   */
  private static final double LEAPFROG_BOUND = LEAPFROG_DT * LEAPFROG_DT / 4 * 1.5;

  @Test
  void leapfrogKeepsTheOscillatorEnergyErrorBounded() {
    double[][] initial = {{1.0, 0.0}, {0.3, -0.8}, {0.0, 0.5}};
    double[][] err = relativeEnergyErrors(UNIT_OSCILLATOR, "leapfrog", initial,
        LEAPFROG_DT, LEAPFROG_STEPS, KEEP_EVERY);
    report("leapfrog oscillator", err);
  }

  @Test
  void rk4DriftsAtALargeStep() {
    double[][] initial = {{1.0, 0.0}, {0.3, -0.8}};
    for (double dt : new double[] {0.3, 0.4, 0.5}) {
    double[][] err = relativeEnergyErrors(UNIT_OSCILLATOR, "rk4", initial, dt, 10_000, 100);
    report("rk4 oscillator dt=" + dt, err);
    }
  }

  @Test
  void leapfrogKeepsThePendulumEnergyErrorBounded() {
    HamiltonianSystem pendulum = BundledPlugins.systemWithDefaults("pendulum");
    double[][] initial = {{1.0, 0.5}, {2.0, 0.0}, {0.0, 1.9}, {-1.3, 1.2}};
    double[][] err = relativeEnergyErrors(pendulum, "leapfrog", initial,
        LEAPFROG_DT, LEAPFROG_STEPS, KEEP_EVERY);
    report("leapfrog pendulum", err);
  }

  static void report(String what, double[][] err) {
    for (int i = 0; i < err.length; i++) {
      int kept = err[i].length;
      int tenth = (kept - 1) / 10;
      System.out.printf(Locale.ROOT,
          "[energy] %s #%d first10=%.4e last10=%.4e max=%.4e at10=%.4e end=%.4e ratio=%.3f bound=%.4e%n",
          what, i, max(err[i], 0, tenth + 1), max(err[i], kept - 1 - tenth, kept), max(err[i], 0, kept),
          err[i][tenth], err[i][kept - 1], max(err[i], kept - 1 - tenth, kept) / max(err[i], 0, tenth + 1),
          LEAPFROG_BOUND);
    }
  }

  static double max(double[] v, int from, int to) {
    double m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, v[i]);
    }
    return m;
  }

  /** |H(t_k) − H(0)| / H(0) for every trajectory and kept time. */
  private static double[][] relativeEnergyErrors(HamiltonianSystem system, String type,
      double[][] initial, double dt, int steps, int keepEvery) {
    Integrator integrator = BundledPlugins.integrator(type);
    Trajectories t;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      t = new Simulator<>(g, system, integrator).run(initial, dt, steps, keepEvery, n -> {});
    }
    double[][] energy = t.energy();
    double[][] out = new double[energy.length][];
    for (int i = 0; i < energy.length; i++) {
      double e0 = energy[i][0];
      out[i] = new double[energy[i].length];
      for (int k = 0; k < energy[i].length; k++) {
        out[i][k] = Math.abs(energy[i][k] - e0) / Math.abs(e0);
      }
    }
    return out;
  }
}

package hamflow.it.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.plugins.systems.HenonHeiles;
import hamflow.runtime.analysis.PoincareSection;
import hamflow.runtime.analysis.PoincareSection.Crossing;
import hamflow.runtime.analysis.PoincareSettings;
import hamflow.runtime.analysis.PoincareSettings.Direction;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.TfGraph;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat64;

/**
 * Poincaré sections: crossing points are accurate (cubic Hermite interpolation between kept
 * states), crossing directions are honoured, and the Hénon–Heiles section tells a regular orbit
 * (E = 1/12) from a chaotic one (E = 1/6).
 */
class PoincareSectionTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  static Integrator integrator(String type) {
    return Binder.createWithDefaults(REGISTRY.find(Kind.INTEGRATOR, type).orElseThrow(),
        Integrator.class).orElseThrow();
  }

  static Trajectories simulate(HamiltonianSystem system, String integrator, double[][] initial,
      double dt, int steps, int keepEvery) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new Simulator<>(g, system, integrator(integrator))
          .run(initial, dt, steps, keepEvery, n -> {});
    }
  }

  /**
   * The unit oscillator from (q, p) = (−1, 0): q = −cos t, p = sin t. It crosses q = 0 upwards
   * at t = π/2 + 2πk with p = 1 and downwards at 3π/2 + 2πk with p = −1. RK4 at dt = 0.01 is
   * exact to ~1e-9; states are kept every 50 steps (Δ = 0.5). The cubic Hermite interpolant's
   * error is at most Δ⁴/384·max|x⁗| = 1.6e-4; linear interpolation of p between kept states
   * would be off by up to Δ²/8 = 0.03. So 3e-4 on both time and p checks the interpolation.
   */
  @Test
  void crossingsOfTheOscillatorAreExactToTheInterpolationError() {
    HarmonicOscillator oscillator =
        new HarmonicOscillator(new HarmonicOscillator.Parameters(1.0, 1.0, 0.0, 0.2, 1.0));
    Trajectories t =
        simulate(oscillator, "rk4", new double[][] {{-1.0, 0.0}}, 0.01, 5000, 50);
    List<Crossing> up = PoincareSection.crossings(
        new PoincareSettings("q1", 0.0, Direction.UP, List.of("q1", "p1")), oscillator,
        t.times(), t.states());
    List<Crossing> down = PoincareSection.crossings(
        new PoincareSettings("q1", 0.0, Direction.DOWN, List.of("q1", "p1")), oscillator,
        t.times(), t.states());
    List<Crossing> both = PoincareSection.crossings(
        new PoincareSettings("q1", 0.0, Direction.BOTH, List.of("q1", "p1")), oscillator,
        t.times(), t.states());
    // t = 0 .. 50: up at π/2 + 2πk (k = 0..7), down at 3π/2 + 2πk (k = 0..7).
    assertThat(up).hasSize(8);
    assertThat(down).hasSize(8);
    assertThat(both).hasSize(16);
    double worstTime = 0;
    double worstP = 0;
    for (int k = 0; k < 8; k++) {
      worstTime = Math.max(worstTime, Math.abs(up.get(k).time() - (Math.PI / 2 + 2 * Math.PI * k)));
      worstTime = Math.max(worstTime,
          Math.abs(down.get(k).time() - (3 * Math.PI / 2 + 2 * Math.PI * k)));
      worstP = Math.max(worstP, Math.abs(up.get(k).state()[1] - 1));
      worstP = Math.max(worstP, Math.abs(down.get(k).state()[1] + 1));
      assertThat(up.get(k).state()[0]).isZero(); // on the plane by construction
      assertThat(both.get(2 * k).time()).isEqualTo(up.get(k).time());
      assertThat(both.get(2 * k + 1).time()).isEqualTo(down.get(k).time());
    }
    System.out.printf(Locale.ROOT,
        "[poincare] oscillator, keep every 0.5: max crossing time error %.2e, max p error %.2e%n",
        worstTime, worstP);
    assertThat(worstTime).isLessThan(3e-4);
    assertThat(worstP).isLessThan(3e-4);
  }

  /**
   * The section q₁ = 0, p₁ > 0 (crossing upwards), plotted in (q₂, p₂), of single Hénon–Heiles
   * orbits started at (0, y₀) with p₂ = 0: at E = 1/12 from y₀ = 0 and −0.2 (regular), at the
   * escape energy E = 1/6 from y₀ = −0.1 and −0.2 (chaotic). Leapfrog, dt = 0.05, 40 000 steps
   * (t = 2000, about 300 crossings per orbit; energy error ≤ 1.1e-4, too small to open the exits
   * of the E = 1/6 triangle on this orbit), states kept every 10 steps.
   *
   * <p>Statistic: the fraction of the accessible part of the section (p₂² ≤ 2E − q₂² + 2q₂³/3),
   * cut into a 20 × 20 grid over its bounding box, whose cells hold a point. A regular orbit's
   * points lie on a smooth closed curve (an invariant torus), which meets few cells: measured
   * 0.11 and 0.13. A chaotic orbit's ~300 points spread over the chaotic sea, ≈ 80% of the
   * section at E = 1/6, and occupy 1 − e^(−N/cells) of it: measured 0.53 and 0.64. The threshold
   * 0.35 lies between with a margin of ≥ 0.18 on both sides; a curve would need to be 3× longer
   * than the longest torus section to reach it.
   */
  @Test
  void henonHeilesSectionIsRegularAtOneTwelfthAndChaoticAtOneSixth() {
    double[] energies = {1.0 / 12, 1.0 / 12, 1.0 / 6, 1.0 / 6};
    double[] y0 = {0.0, -0.2, -0.1, -0.2};
    double[][] initial = new double[4][];
    for (int i = 0; i < 4; i++) {
      double y = y0[i];
      double p1 = Math.sqrt(2 * energies[i] - y * y + 2 * y * y * y / 3);
      initial[i] = new double[] {0, y, p1, 0};
    }
    HenonHeiles system = new HenonHeiles(new HenonHeiles.Parameters(1.0 / 12));
    Trajectories t = simulate(system, "leapfrog", initial, 0.05, 40_000, 10);
    List<Crossing> points = PoincareSection.crossings(
        new PoincareSettings("q1", 0.0, Direction.UP, List.of("q2", "p2")), system, t.times(),
        t.states());
    double threshold = 0.35;
    for (int i = 0; i < 4; i++) {
      int trajectory = i;
      List<Crossing> mine = points.stream().filter(p -> p.trajectory() == trajectory).toList();
      double coverage = coverage(mine, energies[i], 20);
      System.out.printf(Locale.ROOT,
          "[poincare] henon-heiles E=%.4f y0=%+.1f: %d crossings, occupied fraction %.3f%n",
          energies[i], y0[i], mine.size(), coverage);
      assertThat(mine.size()).as("crossings of orbit %d", i).isGreaterThan(250);
      for (Crossing c : mine) {
        // p₁ > 0 on an upward crossing of q₁ = 0, and the point lies on the energy surface
        // (the interpolant's error, Δ = 0.5, ~1e-4, plus leapfrog's energy error).
        assertThat(c.state()[2]).isPositive();
        assertThat(Math.abs(HenonHeiles.potential(0, c.state()[1])
            + 0.5 * (c.state()[2] * c.state()[2] + c.state()[3] * c.state()[3]) - energies[i]))
            .isLessThan(1e-3);
      }
      if (energies[i] < 0.1) {
        assertThat(coverage).as("regular orbit at E = 1/12, y0 = %s", y0[i]).isLessThan(threshold);
      } else {
        assertThat(coverage).as("chaotic orbit at E = 1/6, y0 = %s", y0[i])
            .isGreaterThan(threshold);
      }
    }
  }

  /**
   * Fraction of the grid cells whose centre lies in the accessible region of the section at
   * energy {@code e} that hold at least one point. The region: q₂ between the two roots of
   * q₂² − 2q₂³/3 = 2E around 0, |p₂| ≤ √(2E).
   */
  static double coverage(List<Crossing> points, double e, int cells) {
    double yLow = root(e, -1.0, 0.0);
    double yHigh = root(e, 0.0, 1.0);
    double pMax = Math.sqrt(2 * e);
    boolean[][] hit = new boolean[cells][cells];
    for (Crossing c : points) {
      int i = (int) Math.floor((c.state()[1] - yLow) / (yHigh - yLow) * cells);
      int j = (int) Math.floor((c.state()[3] + pMax) / (2 * pMax) * cells);
      hit[Math.min(Math.max(i, 0), cells - 1)][Math.min(Math.max(j, 0), cells - 1)] = true;
    }
    int accessible = 0;
    int occupied = 0;
    for (int i = 0; i < cells; i++) {
      double y = yLow + (i + 0.5) * (yHigh - yLow) / cells;
      for (int j = 0; j < cells; j++) {
        double p = -pMax + (j + 0.5) * 2 * pMax / cells;
        if (p * p <= 2 * e - y * y + 2 * y * y * y / 3) {
          accessible++;
          if (hit[i][j]) {
            occupied++;
          }
        }
      }
    }
    return (double) occupied / accessible;
  }

  /** The root of {@code y² − 2y³/3 − 2E} in [a, b] (it changes sign there), by bisection. */
  private static double root(double e, double a, double b) {
    double fa = a * a - 2 * a * a * a / 3 - 2 * e;
    for (int k = 0; k < 100; k++) {
      double m = 0.5 * (a + b);
      double fm = m * m - 2 * m * m * m / 3 - 2 * e;
      if ((fm < 0) == (fa < 0)) {
        a = m;
        fa = fm;
      } else {
        b = m;
      }
    }
    return 0.5 * (a + b);
  }
}

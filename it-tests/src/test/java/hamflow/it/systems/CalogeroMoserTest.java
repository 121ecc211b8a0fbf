package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.plugins.systems.CalogeroMoser;
import hamflow.runtime.simulate.Trajectories;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The rational Calogero–Moser system: H, the isochronous trapped motion (period 2π/ω, mirror
 * image at half a period), momentum without a trap, and the ordered sampler.
 */
class CalogeroMoserTest {
  private static final int N = 4;

  private static CalogeroMoser system(double g, double omega) {
    return new CalogeroMoser(new CalogeroMoser.Parameters(N, g, omega, 1.0, 0.2, 0.5));
  }

  /**
   * H by TF equals Σp²/2 + Σ g²/(qᵢ−qⱼ)² + ω²Σq²/2 in Java; sampled particles are in order
   * and at least (1 − 2·0.2)·spacing = 0.6 apart (terms O(10) at most: rounding ~1e-14).
   */
  @Test
  void hamiltonianMatchesFormulaAndSamplerOrdersParticles() {
    double g = 0.7;
    double omega = 1.3;
    CalogeroMoser system = system(g, omega);
    double[][] states = SystemsTf.sample(system, new SplittableRandom(4), 300);
    double[] h = SystemsTf.energy(system, states);
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (int i = 0; i < N; i++) {
        expected += (x[N + i] * x[N + i] + omega * omega * x[i] * x[i]) / 2;
        for (int j = i + 1; j < N; j++) {
          expected += g * g / ((x[i] - x[j]) * (x[i] - x[j]));
        }
        if (i > 0) {
          assertThat(x[i] - x[i - 1]).as("gap %d of state %d", i, s).isGreaterThan(0.6 - 1e-12);
        }
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-12));
    }
  }

  /**
   * With a trap every solution is periodic with period 2π/ω (isochrony), and at half a period
   * the state is the mirror image of the start: qᵢ(π/ω) = −q_{n+1−i}(0), pᵢ(π/ω) = −p_{n+1−i}(0).
   * RK4 with 40000 steps per period (h ≈ 1.6e-4 at ω = 1.3): the stiffest time scale is a close
   * approach, local frequency ~ √6 g/r² ≲ 10 at r ≈ 0.5, so (ωh)⁴ ≲ 1e-11 per unit time and the
   * global error ≲ 1e-9; the bound 1e-6 (the brief's) fails for any wrong force term, and for a
   * wrong ω at once (the state after 1.001 periods is already ~1e-2 away).
   */
  @Test
  void trappedMotionIsPeriodicWithPeriodTwoPiOverOmega() {
    CalogeroMoser system = system(1.0, 1.3);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(10), 3);
    int steps = 40000;
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, system.period() / steps, steps,
        steps / 2);
    double closure = 0;
    double mirror = 0;
    for (int i = 0; i < initial.length; i++) {
      double[] x0 = initial[i];
      double[] half = t.states()[i][1];
      for (int k = 0; k < N; k++) {
        mirror = Math.max(mirror, Math.abs(half[k] + x0[N - 1 - k]));
        mirror = Math.max(mirror, Math.abs(half[N + k] + x0[2 * N - 1 - k]));
      }
      closure = Math.max(closure, PhaseSpace.distance(t.states()[i][2], x0));
    }
    System.out.printf("[calogero-moser] n=%d g=1 omega=1.3, rk4 %d steps/period:"
        + " |x(T) - x(0)| = %.3e, |x(T/2) - mirror(x(0))| = %.3e%n", N, steps, closure, mirror);
    assertThat(closure).isLessThan(1e-6);
    assertThat(mirror).isLessThan(1e-6);
    assertThat(system.conservedQuantities()).isEmpty();
  }

  /**
   * Without a trap (ω = 0) the particles scatter; the total momentum is conserved (a linear
   * invariant: RK4 keeps it to rounding, ≲ 1e-13) and so is H (RK4, h = 0.002, t = 20: ~1e-12);
   * the inverse-square wall keeps the order of the particles.
   */
  @Test
  void withoutTrapMomentumIsConservedAndOrderKept() {
    CalogeroMoser system = system(1.0, 0.0);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(14), 3);
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, 0.002, 10000, 100);
    double momentum = PhaseSpace.maxDrift(t, "momentum", 1);
    double energy = PhaseSpace.maxDrift(t.energy(), 1);
    for (double[][] trajectory : t.states()) {
      for (double[] x : trajectory) {
        for (int k = 1; k < N; k++) {
          assertThat(x[k]).isGreaterThan(x[k - 1]);
        }
      }
    }
    System.out.printf("[calogero-moser] omega=0, rk4 h=0.002 t=20: momentum drift %.3e,"
        + " energy drift %.3e%n", momentum, energy);
    assertThat(t.conserved()).containsOnlyKeys("momentum");
    assertThat(momentum).isLessThan(1e-12);
    assertThat(energy).isLessThan(1e-9);
  }
}

package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.CoulombGas;
import hamflow.runtime.simulate.Trajectories;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Charges in a harmonic trap: H, energy and angular momentum, Kohn's mode, the sampler. */
class CoulombGasTest {

  private static CoulombGas gas(int particles, int dimension) {
    return gas(particles, dimension, 1.5);
  }

  private static CoulombGas gas(int particles, int dimension, double radius) {
    return new CoulombGas(new CoulombGas.Parameters(particles, dimension, radius, 0.5, 0.3));
  }

  /**
   * H by TF equals Σ|p|²/2 + Σ|x|²/2 + Σ 1/rᵢⱼ in Java (terms ≤ 2: rounding ~1e-15), and the
   * sampled particles lie in the ball and at least min-distance apart. (On a line 5 rods of
   * length 0.5 need a longer segment than radius 1.5 to be placed loosely: radius 4 there.)
   */
  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {1, 2, 3})
  void hamiltonianMatchesFormulaAndSamplerKeepsParticlesApart(int d) {
    int n = 5;
    double radius = d == 1 ? 4.0 : 1.5;
    CoulombGas system = gas(n, d, radius);
    double[][] states = SystemsTf.sample(system, new SplittableRandom(d), 200);
    double[] h = SystemsTf.energy(system, states);
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (double v : x) {
        expected += v * v / 2;
      }
      for (int i = 0; i < n; i++) {
        double r = 0;
        for (int a = 0; a < d; a++) {
          r += x[i * d + a] * x[i * d + a];
        }
        assertThat(Math.sqrt(r)).isLessThanOrEqualTo(radius);
        for (int j = i + 1; j < n; j++) {
          double r2 = 0;
          for (int a = 0; a < d; a++) {
            r2 += (x[i * d + a] - x[j * d + a]) * (x[i * d + a] - x[j * d + a]);
          }
          assertThat(Math.sqrt(r2)).as("distance %d-%d in state %d", i, j, s)
              .isGreaterThanOrEqualTo(0.5);
          expected += 1 / Math.sqrt(r2);
        }
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-13));
    }
  }

  /**
   * Leapfrog (h = 0.01, t = 50) keeps H to its bounded O(h²) error (≲ 1e-4 relative here) and
   * the angular momentum — a quadratic invariant of rotation symmetry, which leapfrog (a
   * symplectic splitting of two rotation-invariant parts) preserves exactly — to rounding
   * (≲ 1e-12 of max(|L|, 1)); RK4 (h = 0.005) keeps both to its h⁴ error, ≲ 1e-9.
   */
  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {2, 3})
  void energyAndAngularMomentumAreConserved(int d) {
    CoulombGas system = gas(4, d);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(40 + d), 3);
    List<String> names = d == 2 ? List.of("angular-momentum")
        : List.of("angular-momentum-x", "angular-momentum-y", "angular-momentum-z");
    Trajectories leapfrog = SystemsTf.simulate(system, "leapfrog", initial, 0.01, 5000, 50);
    Trajectories rk4 = SystemsTf.simulate(system, "rk4", initial, 0.005, 10000, 100);
    assertThat(leapfrog.conserved()).containsOnlyKeys(names);
    double leapfrogL = 0;
    double rk4L = 0;
    for (String name : names) {
      leapfrogL = Math.max(leapfrogL, PhaseSpace.maxDrift(leapfrog, name, 1));
      rk4L = Math.max(rk4L, PhaseSpace.maxDrift(rk4, name, 1));
    }
    double leapfrogH = PhaseSpace.maxDrift(leapfrog.energy(), 1);
    double rk4H = PhaseSpace.maxDrift(rk4.energy(), 1);
    System.out.printf("[coulomb-gas] d=%d n=4 t=50: leapfrog h=0.01 drift H %.3e, L %.3e;"
        + " rk4 h=0.005 drift H %.3e, L %.3e%n", d, leapfrogH, leapfrogL, rk4H, rk4L);
    assertThat(leapfrogH).isLessThan(1e-4);
    assertThat(leapfrogL).isLessThan(1e-12);
    assertThat(rk4H).isLessThan(1e-9);
    assertThat(rk4L).isLessThan(1e-9);
  }

  /**
   * Kohn's theorem: the pair forces cancel in the centre of mass X = Σxᵢ/N, which moves as a
   * free oscillator of the trap, X(t) = X₀ cos t + (P₀/N) sin t, whatever the interaction does.
   * RK4 (h = 0.005, t = 20) reproduces it to its h⁴ error on that linear mode (≲ 1e-10), bound
   * 1e-8; a wrong trap or non-cancelling pair forces is O(0.1) off.
   */
  @Test
  void centreOfMassOscillatesAtTheTrapFrequency() {
    int n = 5;
    int d = 2;
    CoulombGas system = gas(n, d);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(3), 2);
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, 0.005, 4000, 40);
    double worst = 0;
    for (int i = 0; i < initial.length; i++) {
      double[] x0 = centre(initial[i], n, d, 0);
      double[] p0 = centre(initial[i], n, d, n * d);
      for (int s = 0; s < t.times().length; s++) {
        double time = t.times()[s];
        double[] x = centre(t.states()[i][s], n, d, 0);
        for (int a = 0; a < d; a++) {
          worst = Math.max(worst,
              Math.abs(x[a] - (x0[a] * Math.cos(time) + p0[a] * Math.sin(time))));
        }
      }
    }
    System.out.printf("[coulomb-gas] Kohn mode, rk4 t=20: max |X(t) - X0 cos t - V0 sin t| = %.3e%n",
        worst);
    assertThat(worst).isLessThan(1e-8);
  }

  /** The mean over particles of the d components starting at {@code offset}. */
  private static double[] centre(double[] x, int n, int d, int offset) {
    double[] c = new double[d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        c[a] += x[offset + i * d + a] / n;
      }
    }
    return c;
  }

  @Test
  void rejectsParticlesThatCannotFit() {
    assertThatThrownBy(() -> new CoulombGas.Parameters(50, 2, 1.0, 0.5, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min-distance")
        .hasMessageContaining("radius");
  }
}

package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.Toda;
import hamflow.runtime.simulate.Trajectories;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Toda lattice: H, its integrals (momentum, the cubic one), its harmonic limit. */
class TodaTest {
  private static final int N = 6;

  private static Toda toda(String boundary) {
    return new Toda(new Toda.Parameters(N, boundary, 0.5));
  }

  /**
   * H by TF equals Σp²/2 + Σ exp(qᵢ − qᵢ₊₁) in Java, and the reported cubic-integral equals
   * Σp³/3 + Σ(pᵢ + pᵢ₊₁)exp(qᵢ − qᵢ₊₁) (terms O(1): rounding, ~1e-15).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"open", "periodic"})
  void hamiltonianAndCubicIntegralMatchFormulas(String boundary) {
    Toda system = toda(boundary);
    double[][] states = SystemsTf.sample(system, new SplittableRandom(6), 100);
    double[] h = SystemsTf.energy(system, states);
    double[] cubic = PhaseSpace.conserved(system, "cubic-integral", states);
    int bonds = boundary.equals("open") ? N - 1 : N;
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (int i = 0; i < N; i++) {
        expected += x[N + i] * x[N + i] / 2;
      }
      for (int b = 0; b < bonds; b++) {
        expected += Math.exp(x[b] - x[(b + 1) % N]);
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-13));
      assertThat(cubic[s])
          .isCloseTo(system.cubicIntegral(x), Offset.offset(1e-13));
    }
  }

  /**
   * RK4 (h = 0.005, t = 50) from sampled states: H, Σp and the cubic integral are conserved —
   * Σp exactly up to rounding (a linear invariant, kept by every Runge–Kutta method: ≲ 1e-13),
   * H and I₃ up to RK4's h⁴ error (frequencies ≲ 2: ~1e-11 over the run), bound 1e-9. As a
   * control, Σp³/3 alone (I₃ without its coupling term) is not conserved (changes by > 1e-2
   * of its scale), so the integral's second term is doing real work.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"open", "periodic"})
  void momentumAndCubicIntegralAreConserved(String boundary) {
    Toda system = toda(boundary);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(19), 3);
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, 0.005, 10000, 100);
    double energy = PhaseSpace.maxDrift(t.energy(), 1);
    double momentum = PhaseSpace.maxDrift(t, "momentum", 1);
    double cubic = PhaseSpace.maxDrift(t, "cubic-integral", 1);
    double cubesOnly = 0;
    for (int i = 0; i < initial.length; i++) {
      double c0 = cubes(t.states()[i][0]);
      for (double[] x : t.states()[i]) {
        cubesOnly = Math.max(cubesOnly, Math.abs(cubes(x) - c0) / Math.max(1, Math.abs(c0)));
      }
    }
    System.out.printf("[toda] %s n=%d, rk4 h=0.005 t=50: drift H %.3e, momentum %.3e,"
        + " cubic integral %.3e (sum p^3/3 alone: %.3e)%n",
        boundary, N, energy, momentum, cubic, cubesOnly);
    assertThat(t.conserved()).containsOnlyKeys("momentum", "cubic-integral");
    assertThat(energy).isLessThan(1e-9);
    assertThat(momentum).isLessThan(1e-12);
    assertThat(cubic).isLessThan(1e-9);
    assertThat(cubesOnly).isGreaterThan(1e-2);
  }

  private static double cubes(double[] x) {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += x[N + i] * x[N + i] * x[N + i] / 3;
    }
    return sum;
  }

  /**
   * Around q = const the periodic lattice is the harmonic ring: e^{−Δ} = 1 − Δ + Δ²/2 − …
   * and ΣΔ = 0 on a ring, so the Hessian in q is the circulant (2, −1) matrix, eigenvalues
   * (2 sin(kπ/n))² for k = 0..n−1. Central differences with h = 1e-4 of the autodiff gradient:
   * truncation h²·|∂⁴V|/6 ~ 1e-9, rounding ~1e-12; 1e-7 bound, far below a wrong bond.
   */
  @Test
  void periodicLatticeOscillatesLikeTheHarmonicRing() {
    double[] x0 = new double[2 * N];
    Arrays.fill(x0, 0, N, 0.3);
    double[][] hessian = PhaseSpace.hessian(toda("periodic"), x0, 1e-4);
    double[] eigen = JacobiEigen.eigenvalues(PhaseSpace.block(hessian, 0, 0, N, N));
    Arrays.sort(eigen);
    double[] expected = new double[N];
    for (int k = 0; k < N; k++) {
      double w = 2 * Math.sin(k * Math.PI / N);
      expected[k] = w * w;
    }
    Arrays.sort(expected);
    double maxError = 0;
    for (int k = 0; k < N; k++) {
      maxError = Math.max(maxError, Math.abs(eigen[k] - expected[k]));
    }
    System.out.printf("[toda] periodic n=%d: max |eig(Hessian) - (2 sin(k pi/n))^2| = %.3e%n",
        N, maxError);
    assertThat(maxError).isLessThan(1e-7);
  }

  @Test
  void rejectsUnknownBoundaryNamingTheChoices() {
    assertThatThrownBy(() -> new Toda.Parameters(N, "fixed", 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'fixed'")
        .hasMessageContaining("open, periodic");
  }
}

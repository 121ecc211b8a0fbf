package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.plugins.systems.HarmonicChain;
import hamflow.runtime.simulate.Trajectories;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fixed-end harmonic chain: its spectrum, its normal modes, its H and its sampler. */
class HarmonicChainTest {
  private static final int N = 8;
  private static final double KAPPA = 1.3;
  private final HarmonicChain chain =
      new HarmonicChain(new HarmonicChain.Parameters(N, KAPPA, 0.1));

  /**
   * The Hessian of H in q is the stiffness matrix K (κ times the tridiagonal 2, −1 matrix), built
   * here from TF's automatic gradient by central differences with step 1 around q = 0. ∇H is
   * linear in q, so the difference has no truncation error and every entry is exact up to one
   * rounding (entries are ±κ, 2κ). Its eigenvalues, by cyclic Jacobi in Java, are ωₖ².
   */
  @Test
  void hessianEigenvaluesAreNormalModeFrequenciesSquared() {
    double[][] states = new double[2 * N][2 * N];
    for (int j = 0; j < N; j++) {
      states[2 * j][j] = 1;
      states[2 * j + 1][j] = -1;
    }
    double[] grad = SystemsTf.autodiffGradient(chain, states);
    double[][] hessian = new double[N][N];
    for (int j = 0; j < N; j++) {
      for (int i = 0; i < N; i++) {
        hessian[i][j] = (grad[2 * j * 2 * N + i] - grad[(2 * j + 1) * 2 * N + i]) / 2;
      }
    }
    // The stiffness matrix itself: κ(2, −1) tridiagonal, exactly (entries are one rounding off).
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        double expected = i == j ? 2 * KAPPA : Math.abs(i - j) == 1 ? -KAPPA : 0;
        assertThat(hessian[i][j]).as("Hessian[%d][%d]", i, j)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
      }
    }
    double[] eigen = JacobiEigen.eigenvalues(hessian);
    Arrays.sort(eigen);
    double[] omega = chain.normalModeFrequencies();
    assertThat(omega).hasSize(N);
    double maxError = 0;
    for (int k = 0; k < N; k++) {
      maxError = Math.max(maxError, Math.abs(eigen[k] - omega[k] * omega[k]));
    }
    System.out.printf("[harmonic-chain] n=%d kappa=%.1f: max |eig(Hessian) - omega_k^2| = %.3e%n",
        N, KAPPA, maxError);
    // Jacobi on an 8×8 matrix with entries O(1) converges to ~1e-15 (a few ulps per rotation,
    // ~100 rotations); 1e-10 is the brief's bound, far below a wrong formula (ω₁² = 0.153 here,
    // a missing factor or an off-by-one in the sine's denominator changes it by > 1e-2).
    assertThat(maxError).isLessThan(1e-10);
  }

  /**
   * Mode k = 3 alone (q = A sin(ikπ/(n+1)), p = 0) under RK4. RK4 maps a linear ODE
   * ẋ = Mx by a polynomial in hM, which keeps every M-invariant subspace, so energy leaks to
   * other modes only through rounding (~1e-16 per step, ~1e-13 over 2000 steps): 1e-8 relative
   * is the brief's bound. The mode's own coordinate follows C cos(ωₖt): RK4's phase error per
   * step is (ωh)⁵/120 ≈ 5e-11 at ωh = 0.02, ≲ 1e-7 over 2000 steps, so 1e-6 holds, while using
   * a wrong ωₖ (the neighbouring mode's is 25% off) fails at once.
   */
  @Test
  void singleNormalModeStaysInItsMode() {
    int mode = 3;
    double amplitude = 0.1;
    double[] x0 = new double[2 * N];
    for (int i = 1; i <= N; i++) {
      x0[i - 1] = amplitude * Math.sin(i * mode * Math.PI / (N + 1));
    }
    double dt = 0.01;
    int steps = 2000;
    Trajectories t = SystemsTf.simulate(chain, "rk4", new double[][] {x0}, dt, steps, 10);
    double[] omega = chain.normalModeFrequencies();
    double[][] u = new double[N + 1][N];
    for (int m = 1; m <= N; m++) {
      for (int i = 1; i <= N; i++) {
        u[m][i - 1] = Math.sqrt(2.0 / (N + 1)) * Math.sin(i * m * Math.PI / (N + 1));
      }
    }
    double c0 = amplitude * Math.sqrt((N + 1) / 2.0);
    double scale = omega[mode - 1] * c0;
    double maxLeak = 0;
    double maxPhase = 0;
    for (int s = 0; s < t.times().length; s++) {
      double[] x = t.states()[0][s];
      for (int m = 1; m <= N; m++) {
        double c = 0;
        double d = 0;
        for (int i = 0; i < N; i++) {
          c += u[m][i] * x[i];
          d += u[m][i] * x[N + i];
        }
        if (m == mode) {
          maxPhase = Math.max(maxPhase,
              Math.abs(c - c0 * Math.cos(omega[mode - 1] * t.times()[s])) / c0);
        } else {
          double w = omega[m - 1];
          maxLeak = Math.max(maxLeak, Math.sqrt(w * w * c * c + d * d) / scale);
        }
      }
    }
    System.out.printf("[harmonic-chain] mode %d over t=%.0f: max leak to other modes = %.3e,"
        + " max |c_k - C cos(w_k t)|/C = %.3e%n", mode, steps * dt, maxLeak, maxPhase);
    assertThat(maxLeak).isLessThan(1e-8);
    assertThat(maxPhase).isLessThan(1e-6);
  }

  /** H by the TF ops equals the documented sum, to round-off (terms O(0.1), ~20 of them). */
  @Test
  void hamiltonianMatchesFormulaAndSamplerRespectsAmplitude() {
    double[][] states = SystemsTf.sample(chain, new SplittableRandom(7), 200);
    double[] h = SystemsTf.energy(chain, states);
    double maxAbs = 0;
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (int i = 0; i < N; i++) {
        expected += x[N + i] * x[N + i] / 2;
      }
      for (int i = 0; i <= N; i++) {
        double left = i == 0 ? 0 : x[i - 1];
        double right = i == N ? 0 : x[i];
        expected += KAPPA * (right - left) * (right - left) / 2;
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(1e-14));
      for (double v : x) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
    // Every coordinate within ±amplitude, and 3200 uniform draws reach beyond 0.09 (the chance
    // that none does is 0.9^3200).
    assertThat(maxAbs).isLessThanOrEqualTo(0.1).isGreaterThan(0.09);
  }
}

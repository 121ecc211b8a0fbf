package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.Fput;
import hamflow.plugins.systems.HarmonicChain;
import hamflow.runtime.simulate.Trajectories;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The FPUT chain: its H, its reduction to the harmonic chain at α = β = 0 (spectrum, mode
 * energies), momentum on a ring, and the energy transfer out of the lowest mode when α ≠ 0.
 */
class FputTest {
  private static final int N = 8;

  private static Fput fput(double alpha, double beta, String boundary, double perturbation) {
    return new Fput(new Fput.Parameters(N, alpha, beta, boundary, 1.0, perturbation));
  }

  /**
   * H by the TF ops equals Σp²/2 + Σ(Δ²/2 + αΔ³/3 + βΔ⁴/4) in Java for both boundaries (terms
   * O(1), ~20 of them: rounding ~1e-15; 1e-12 leaves room, a wrong bond or coefficient is O(0.1)).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "periodic"})
  void hamiltonianMatchesFormula(String boundary) {
    double alpha = 0.3;
    double beta = 0.7;
    Fput system = fput(alpha, beta, boundary, 0.5);
    double[][] states = SystemsTf.sample(system, new SplittableRandom(9), 100);
    double[] h = SystemsTf.energy(system, states);
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (int i = 0; i < N; i++) {
        expected += x[N + i] * x[N + i] / 2;
      }
      int bonds = boundary.equals("fixed") ? N + 1 : N;
      for (int b = 0; b < bonds; b++) {
        double d;
        if (boundary.equals("fixed")) {
          d = (b == N ? 0 : x[b]) - (b == 0 ? 0 : x[b - 1]);
        } else {
          d = x[(b + 1) % N] - x[b];
        }
        expected += d * d / 2 + alpha * d * d * d / 3 + beta * d * d * d * d / 4;
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-12));
    }
  }

  /**
   * α = β = 0 with fixed ends is the harmonic chain of κ = 1: the same frequencies (one
   * formula, to the last bit: 1e-15), and the Hessian of H in q (exact by central differences,
   * ∇H being linear; Jacobi to ~1e-15) has eigenvalues ωₖ². On a ring the Hessian is the
   * circulant (2, −1) matrix: eigenvalues (2 sin(kπ/n))², matching the ring's list.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "periodic"})
  void harmonicLimitHasTheChainSpectrum(String boundary) {
    Fput system = fput(0, 0, boundary, 0);
    double[] omega = system.normalModeFrequencies();
    if (boundary.equals("fixed")) {
      double[] chain =
          new HarmonicChain(new HarmonicChain.Parameters(N, 1.0, 0.1)).normalModeFrequencies();
      for (int k = 0; k < N; k++) {
        assertThat(omega[k]).isCloseTo(chain[k], Offset.offset(1e-15));
      }
    }
    double[][] hessian = PhaseSpace.hessian(system, new double[2 * N], 1.0);
    double[] eigen = JacobiEigen.eigenvalues(PhaseSpace.block(hessian, 0, 0, N, N));
    Arrays.sort(eigen);
    double maxError = 0;
    for (int k = 0; k < N; k++) {
      maxError = Math.max(maxError, Math.abs(eigen[k] - omega[k] * omega[k]));
    }
    System.out.printf("[fput] %s, alpha=beta=0: max |eig(Hessian) - omega_k^2| = %.3e%n",
        boundary, maxError);
    assertThat(maxError).isLessThan(1e-10);
  }

  /**
   * α = β = 0 from a random state (perturbation 0.3): RK4 preserves each mode's invariant
   * subspace (a polynomial in hM), so every mode energy is constant up to RK4's own per-mode
   * energy error, (ωh)⁶/72 per step for ωh ≤ 0.02 (~1e-12 per step, ~1e-9 over 2000 steps, of
   * that mode's energy) and rounding; ΣEₖ = H (orthonormal modes) to rounding (1e-13). The
   * bound 1e-8 of the total energy fails at once if modes exchange energy (the harmonic
   * modes are exact here) or if the transform or the ωₖ are wrong (then Eₖ oscillate, O(1)).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "periodic"})
  void harmonicModeEnergiesAreConstant(String boundary) {
    Fput system = fput(0, 0, boundary, 0.3);
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(12), 2);
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, 0.01, 2000, 20);
    double maxChange = 0;
    double maxSum = 0;
    for (int i = 0; i < initial.length; i++) {
      double[] e0 = Fput.normalModeEnergies(initial[i], boundary);
      double total = t.energy()[i][0];
      for (int s = 0; s < t.times().length; s++) {
        double[] e = system.normalModeEnergies(t.states()[i][s]);
        double sum = 0;
        for (int k = 0; k < N; k++) {
          maxChange = Math.max(maxChange, Math.abs(e[k] - e0[k]) / total);
          sum += e[k];
        }
        maxSum = Math.max(maxSum, Math.abs(sum - t.energy()[i][s]) / total);
      }
    }
    System.out.printf("[fput] %s, alpha=beta=0, rk4 t=20: max |E_k(t) - E_k(0)|/H = %.3e,"
        + " max |sum E_k - H|/H = %.3e%n", boundary, maxChange, maxSum);
    assertThat(maxSum).isLessThan(1e-12);
    assertThat(maxChange).isLessThan(1e-8);
  }

  /**
   * FPUT's own experiment at n = 8, α = 0.25, A = 1: the sampler starts with all the energy in
   * mode 1 (E₁/H = 1 − O(αA), here > 0.99); leapfrog (h = 0.05, t = 200) keeps H to its
   * bounded O(h²) error (< 1e-3 relative) while the cubic coupling drives energy into modes 2
   * and 3 (each > 1e-3 of H at some time; in the harmonic chain they would stay at 0). On a ring
   * the total momentum — 0 here, compared absolutely — is conserved to rounding (leapfrog
   * conserves linear invariants exactly: the bond forces cancel in Σ ṗ).
   */
  @Test
  void cubicCouplingMovesEnergyOutOfTheLowestMode() {
    Fput system = fput(0.25, 0, "fixed", 0);
    double[] x0 = system.sampleInitialState(new SplittableRandom(1));
    double[] e0 = system.normalModeEnergies(x0);
    double[] h0 = SystemsTf.energy(system, new double[][] {x0});
    assertThat(e0[0] / h0[0]).isGreaterThan(0.99);
    Trajectories t = SystemsTf.simulate(system, "leapfrog", new double[][] {x0}, 0.05, 4000, 20);
    double mode2 = 0;
    double mode3 = 0;
    for (double[] x : t.states()[0]) {
      double[] e = system.normalModeEnergies(x);
      mode2 = Math.max(mode2, e[1] / h0[0]);
      mode3 = Math.max(mode3, e[2] / h0[0]);
    }
    double drift = PhaseSpace.maxDrift(t.energy(), 0);
    System.out.printf("[fput] alpha=0.25 A=1 n=8, leapfrog t=200: E_1(0)/H = %.5f,"
        + " max E_2/H = %.3e, max E_3/H = %.3e, energy drift %.3e%n",
        e0[0] / h0[0], mode2, mode3, drift);
    assertThat(drift).isLessThan(1e-3);
    assertThat(mode2).isGreaterThan(1e-3);
    assertThat(mode3).isGreaterThan(1e-3);

    Fput ring = new Fput(new Fput.Parameters(N, 0.25, 0.5, "periodic", 1.0, 0.2));
    double[][] initial = SystemsTf.sample(ring, new SplittableRandom(2), 3);
    Trajectories r = SystemsTf.simulate(ring, "leapfrog", initial, 0.05, 2000, 20);
    double momentum = PhaseSpace.maxDrift(r, "momentum", 1);
    System.out.printf("[fput] periodic, leapfrog t=100: momentum drift %.3e%n", momentum);
    assertThat(momentum).isLessThan(1e-12);
    assertThat(fput(0.25, 0, "fixed", 0).conservedQuantities()).isEmpty();
  }

  @Test
  void rejectsUnknownBoundaryNamingTheChoices() {
    assertThatThrownBy(() -> new Fput.Parameters(N, 0, 0, "open", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'open'")
        .hasMessageContaining("fixed, periodic");
  }

  /**
   * {@code start: mode-actions}: at α = 0 the harmonic mode energies of every sampled state are
   * ωₖJₖ with Jₖ inside [action-min, action-max] (to rounding: the basis is orthonormal), the
   * samples reach both ends of the range (400 draws of 8 modes), and the phases are uniform:
   * the mean of Qₖ√(ωₖ/2) over the draws, a sum of terms of size √J ≈ 0.3, is near zero. A
   * ring's centre-of-mass mode stays at rest, its other modes are drawn the same way.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "periodic"})
  void modeActionStartDrawsEachModesActionFromTheRange(String boundary) {
    double min = 0.05;
    double max = 0.15;
    Fput system = new Fput(new Fput.Parameters(N, 0, 0, boundary, 1.0, 0, "mode-actions", min,
        max));
    double[] omega = system.normalModeFrequencies();
    double[][] u = Fput.normalModes(N, boundary);
    double[][] states = SystemsTf.sample(system, new SplittableRandom(4), 400);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    double[] cosine = new double[N];
    for (double[] x : states) {
      double[] e = system.normalModeEnergies(x);
      for (int m = 0; m < N; m++) {
        if (omega[m] == 0) {
          assertThat(e[m]).as("centre-of-mass energy").isCloseTo(0, Offset.offset(1e-15));
          continue;
        }
        double action = e[m] / omega[m];
        lowest = Math.min(lowest, action);
        highest = Math.max(highest, action);
        double q = 0;
        for (int i = 0; i < N; i++) {
          q += u[m][i] * x[i];
        }
        cosine[m] += q * Math.sqrt(omega[m] / 2) / states.length;
      }
    }
    assertThat(lowest).isGreaterThanOrEqualTo(min - 1e-12).isLessThan(min + 0.005);
    assertThat(highest).isLessThanOrEqualTo(max + 1e-12).isGreaterThan(max - 0.005);
    for (int m = 0; m < N; m++) {
      // √J cos φ has standard deviation ≈ 0.22 here: the mean of 400 is within 0.05 (4.5σ)
      assertThat(cosine[m]).as("mean of sqrt(J) cos(phase), mode %d", m)
          .isCloseTo(0, Offset.offset(0.05));
    }
  }

  @Test
  void rejectsUnknownStartAnEmptyActionRangeAndLowestModeSettingsWithModeActions() {
    assertThatThrownBy(() -> new Fput.Parameters(N, 0, 0, "fixed", 1, 0, "thermal", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'thermal'")
        .hasMessageContaining("lowest-mode, mode-actions");
    assertThatThrownBy(() -> new Fput.Parameters(N, 0, 0, "fixed", 1, 0, "mode-actions", 0.2, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("action-max (0.1) must not be below action-min (0.2)");
    assertThatThrownBy(() -> new Fput.Parameters(N, 0, 0, "fixed", 1, 0.3, "mode-actions", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perturbation (0.3) shape the lowest-mode start only");
  }
}

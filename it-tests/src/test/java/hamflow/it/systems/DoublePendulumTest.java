package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.plugins.systems.DoublePendulum;
import hamflow.runtime.simulate.Trajectories;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The double pendulum: its H, its small oscillations, energy conservation, non-separability. */
class DoublePendulumTest {
  private static final DoublePendulum UNIT =
      new DoublePendulum(new DoublePendulum.Parameters(1, 1, 1, 1, 1, 1.0, 0.5));

  /**
   * H by the TF ops equals the textbook formula in Java, for unit and for unequal parameters,
   * at sampled and at large states: the terms are O(10) at most, so the two differ by rounding
   * only (~1e-15); 1e-12 relative leaves room, a wrong coefficient is O(1) off.
   */
  @Test
  void hamiltonianMatchesTheTextbookFormula() {
    DoublePendulum uneven =
        new DoublePendulum(new DoublePendulum.Parameters(2.0, 0.7, 1.3, 0.6, 9.81, 3.0, 4.0));
    double worst = 0;
    for (DoublePendulum system : new DoublePendulum[] {UNIT, uneven}) {
      double[][] states = SystemsTf.sample(system, new SplittableRandom(3), 200);
      double[] h = SystemsTf.energy(system, states);
      for (int s = 0; s < states.length; s++) {
        double expected = system.energy(states[s]);
        worst = Math.max(worst, Math.abs(h[s] - expected) / Math.max(1, Math.abs(expected)));
      }
    }
    System.out.printf("[double-pendulum] max rel. |H_tf - H_formula| = %.3e%n", worst);
    assertThat(worst).isLessThan(1e-12);
    assertThat(UNIT.separable()).isFalse();
  }

  /**
   * Small oscillations about the bottom: H ≈ pᵀAp/2 + qᵀBq/2 with A = H_pp, B = H_qq (the mixed
   * block vanishes there), and ω² are the eigenvalues of AB. The Hessian comes from central
   * differences (h = 1e-5) of TF's autodiff gradient: truncation h²|∂⁴H|/6 ~ 1e-10, rounding
   * ~1e-16·|∇H|/h ~ 1e-11. For m₁ = m₂ = l₁ = l₂ = g = 1 the textbook gives ω² = 2 ∓ √2;
   * for other parameters ω² = eig(M⁻¹K) with M = [[(m₁+m₂)l₁², m₂l₁l₂], [m₂l₁l₂, m₂l₂²]],
   * K = diag((m₁+m₂)gl₁, m₂gl₂). 1e-7 is far above those errors, far below a wrong term.
   */
  @Test
  void smallOscillationFrequenciesAreTheTextbookOnes() {
    double[] unit = frequenciesSquared(UNIT);
    System.out.printf("[double-pendulum] unit parameters: omega^2 = %.12f, %.12f"
        + " (2 -+ sqrt 2 = %.12f, %.12f)%n", unit[0], unit[1], 2 - Math.sqrt(2), 2 + Math.sqrt(2));
    assertThat(unit[0]).isCloseTo(2 - Math.sqrt(2), Offset.offset(1e-7));
    assertThat(unit[1]).isCloseTo(2 + Math.sqrt(2), Offset.offset(1e-7));

    double m1 = 2.0;
    double m2 = 0.7;
    double l1 = 1.3;
    double l2 = 0.6;
    double g = 9.81;
    double[] uneven = frequenciesSquared(
        new DoublePendulum(new DoublePendulum.Parameters(m1, m2, l1, l2, g, 1, 1)));
    double[][] mass = {{(m1 + m2) * l1 * l1, m2 * l1 * l2}, {m2 * l1 * l2, m2 * l2 * l2}};
    double det = mass[0][0] * mass[1][1] - mass[0][1] * mass[1][0];
    double[][] inverse = {
      {mass[1][1] / det, -mass[0][1] / det}, {-mass[1][0] / det, mass[0][0] / det}};
    double[] expected = eigenvalues2(
        product(inverse, new double[][] {{(m1 + m2) * g * l1, 0}, {0, m2 * g * l2}}));
    System.out.printf("[double-pendulum] m1=2 m2=0.7 l1=1.3 l2=0.6 g=9.81: omega^2 = %.10f,"
        + " %.10f (textbook %.10f, %.10f)%n", uneven[0], uneven[1], expected[0], expected[1]);
    assertThat(uneven[0]).isCloseTo(expected[0], Offset.offset(1e-6 * expected[1]));
    assertThat(uneven[1]).isCloseTo(expected[1], Offset.offset(1e-6 * expected[1]));
  }

  /**
   * The closed-form gradient against TF's autodiff of H, for unequal parameters at sampled and
   * wide states (the registry-wide SystemGradientTest only sees the defaults): the same
   * derivative by two routes, ~1e-15 relative apart on values ≲ 100; 1e-10 bound.
   */
  @Test
  void closedFormGradientMatchesAutodiffForUnequalParameters() {
    DoublePendulum uneven =
        new DoublePendulum(new DoublePendulum.Parameters(2.0, 0.7, 1.3, 0.6, 9.81, 3.0, 4.0));
    double[][] states = SystemsTf.sample(uneven, new SplittableRandom(8), 200);
    double[] auto = SystemsTf.autodiffGradient(uneven, states);
    double[] closed = PhaseSpace.closedFormGradient(uneven, states);
    double worst = 0;
    for (int i = 0; i < auto.length; i++) {
      worst = Math.max(worst, Math.abs(auto[i] - closed[i]) / Math.max(1, Math.abs(auto[i])));
    }
    System.out.printf("[double-pendulum] max rel. |closed form - autodiff| = %.3e%n", worst);
    assertThat(worst).isLessThan(1e-10);
  }

  private static double[] frequenciesSquared(DoublePendulum system) {
    double[][] hessian = PhaseSpace.hessian(system, new double[4], 1e-5);
    assertThat(PhaseSpace.maxAbs(PhaseSpace.block(hessian, 0, 2, 2, 2))).isLessThan(1e-9);
    return eigenvalues2(product(
        PhaseSpace.block(hessian, 2, 2, 2, 2), PhaseSpace.block(hessian, 0, 0, 2, 2)));
  }

  private static double[][] product(double[][] a, double[][] b) {
    double[][] c = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j];
      }
    }
    return c;
  }

  /** Eigenvalues of a 2×2 matrix with real spectrum, ascending. */
  private static double[] eigenvalues2(double[][] m) {
    double half = (m[0][0] + m[1][1]) / 2;
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    double root = Math.sqrt(half * half - det);
    return new double[] {half - root, half + root};
  }

  /**
   * RK4 from sampled states (angles up to 1 rad: chaotic swings) for t = 20 with h = 0.005:
   * RK4's energy error grows like t·ω(ωh)⁴/C with ω ≲ 3 here, ≲ 1e-8 of |H| over the run;
   * 1e-7 is the bound, which a wrong force term breaks at once (energy then drifts O(1)).
   */
  @Test
  void energyIsConservedUnderRk4() {
    double[][] initial = SystemsTf.sample(UNIT, new SplittableRandom(5), 4);
    Trajectories t = SystemsTf.simulate(UNIT, "rk4", initial, 0.005, 4000, 100);
    double drift = PhaseSpace.maxDrift(t.energy(), 1);
    System.out.printf("[double-pendulum] rk4 h=0.005 t=20: max |dH|/|H0| = %.3e%n", drift);
    assertThat(drift).isLessThan(1e-7);
    assertThat(t.conserved()).isEmpty();
  }
}

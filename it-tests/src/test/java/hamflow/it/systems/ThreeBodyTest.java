package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.plugins.systems.ThreeBody;
import hamflow.runtime.simulate.Trajectories;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Three gravitating bodies: H, the invariants, Lagrange's equilateral orbit, the sampler. */
class ThreeBodyTest {
  private static final ThreeBody GREYDANUS =
      new ThreeBody(new ThreeBody.Parameters(1, 1, 1, 1, 0.9, 1.2, 0.2));

  /** H by TF equals Σ|pᵢ|²/2mᵢ − Σ G mᵢmⱼ/rᵢⱼ in Java (terms O(1): rounding only, ~1e-15). */
  @Test
  void hamiltonianMatchesFormula() {
    double g = 0.8;
    double[] m = {1.0, 2.0, 0.5};
    ThreeBody system = new ThreeBody(new ThreeBody.Parameters(g, m[0], m[1], m[2], 0.9, 1.2, 0.2));
    double[][] states = SystemsTf.sample(system, new SplittableRandom(4), 200);
    double[] h = SystemsTf.energy(system, states);
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double expected = 0;
      for (int i = 0; i < 3; i++) {
        expected += (x[6 + 2 * i] * x[6 + 2 * i] + x[7 + 2 * i] * x[7 + 2 * i]) / (2 * m[i]);
        for (int j = i + 1; j < 3; j++) {
          double r = Math.hypot(x[2 * i] - x[2 * j], x[2 * i + 1] - x[2 * j + 1]);
          expected -= g * m[i] * m[j] / r;
        }
      }
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-13));
    }
  }

  /**
   * Without velocity noise the sampler gives Lagrange's equilateral solution, a rigid rotation
   * at Ω = √(GM/s³) about the centre of mass — for equal and for unequal masses. RK4 over one
   * period 2π/Ω in 20000 steps brings every body back: RK4's error (~1e-12 at h ≈ 5e-4) is
   * amplified by the orbit's instability (for equal masses Re λ ≈ 0.6 Ω: ×e^{3.8} ≈ 45 per
   * period), so closure ≲ 1e-9; 1e-6 still fails for a wrong Ω by far (a 1e-4 relative error in
   * the period moves the bodies by ~|v|·1e-4·T ≈ 1e-3). The triangle stays equilateral.
   */
  @Test
  void noiselessSamplerGivesLagrangesRigidlyRotatingTriangle() {
    double[][] masses = {{1, 1, 1}, {1, 2, 3}};
    double worst = 0;
    for (double[] m : masses) {
      ThreeBody system = new ThreeBody(new ThreeBody.Parameters(1.1, m[0], m[1], m[2], 0.9, 1.2, 0));
      SplittableRandom random = new SplittableRandom(31);
      for (int k = 0; k < 2; k++) {
        double[] x0 = system.sampleInitialState(random);
        double side = Math.hypot(x0[0] - x0[2], x0[1] - x0[3]);
        double r = side / Math.sqrt(3);
        for (int a = 0; a < 2; a++) {
          double centre = (m[0] * x0[a] + m[1] * x0[2 + a] + m[2] * x0[4 + a]) / (m[0] + m[1] + m[2]);
          assertThat(centre).isCloseTo(0, Offset.offset(1e-14));
        }
        double period = 2 * Math.PI / system.angularVelocity(r);
        int steps = 20000;
        Trajectories t = SystemsTf.simulate(system, "rk4", new double[][] {x0},
            period / steps, steps, steps / 4);
        int last = t.times().length - 1;
        worst = Math.max(worst, PhaseSpace.distance(t.states()[0][last], x0));
        // A quarter period: each position rotated by 90° (rigid rotation about the origin).
        double[] quarter = t.states()[0][1];
        for (int i = 0; i < 3; i++) {
          assertThat(quarter[2 * i]).isCloseTo(-x0[2 * i + 1], Offset.offset(1e-6));
          assertThat(quarter[2 * i + 1]).isCloseTo(x0[2 * i], Offset.offset(1e-6));
        }
      }
    }
    System.out.printf("[three-body] Lagrange triangle, rk4 over one period: closure %.3e%n", worst);
    assertThat(worst).isLessThan(1e-6);
  }

  /**
   * Greydanus' sampler (noise 0.2) for t = 5, their t_span, with RK4 at h = 5e-4: H, momentum-x,
   * momentum-y and angular-momentum are conserved. The momenta are exact invariants of any
   * Runge–Kutta step (linear in the state, pair forces cancel): only rounding, ≲ 1e-13 of |P|;
   * L is quadratic, kept up to RK4's h⁴ error, as is H: ≲ 1e-9 unless two bodies pass close.
   */
  @Test
  void invariantsAreConservedAlongSampledOrbits() {
    double[][] initial = SystemsTf.sample(GREYDANUS, new SplittableRandom(8), 4);
    Trajectories t = SystemsTf.simulate(GREYDANUS, "rk4", initial, 5e-4, 10000, 100);
    double energy = PhaseSpace.maxDrift(t.energy(), 1e-3);
    double angular = PhaseSpace.maxDrift(t, "angular-momentum", 1e-3);
    // |P| is ~0.1 here (the noise); its drift is compared with a scale of 1.
    double momentum = Math.max(PhaseSpace.maxDrift(t, "momentum-x", 1),
        PhaseSpace.maxDrift(t, "momentum-y", 1));
    System.out.printf("[three-body] rk4 h=5e-4 t=5: drift H %.3e, L %.3e, P %.3e%n",
        energy, angular, momentum);
    assertThat(t.conserved()).containsOnlyKeys("momentum-x", "momentum-y", "angular-momentum");
    assertThat(energy).isLessThan(1e-8);
    assertThat(angular).isLessThan(1e-8);
    assertThat(momentum).isLessThan(1e-12);
  }

  /**
   * Greydanus' {@code random_config} (experiment-3body/data.py) transcribed line by line with
   * the same generator: the system's sampler gives the same states to rounding (it rotates
   * q₂, q₃ by 90° instead of v₁ by 120°, and forms Ω as √(GM/s³)).
   */
  @Test
  void samplerReproducesGreydanusRandomConfig() {
    SplittableRandom mine = new SplittableRandom(77);
    SplittableRandom theirs = new SplittableRandom(77);
    double worst = 0;
    for (int k = 0; k < 500; k++) {
      double[] x = GREYDANUS.sampleInitialState(mine);
      double[] p1 = {2 * theirs.nextDouble() - 1, 2 * theirs.nextDouble() - 1};
      double r = theirs.nextDouble() * (1.2 - 0.9) + 0.9;
      double scale = r / Math.sqrt(p1[0] * p1[0] + p1[1] * p1[1]);
      p1 = new double[] {p1[0] * scale, p1[1] * scale};
      double[] p2 = rotate(p1, 2 * Math.PI / 3);
      double[] p3 = rotate(p2, 2 * Math.PI / 3);
      double[] v1 = rotate(p1, Math.PI / 2);
      double factor = Math.sqrt(Math.sin(Math.PI / 3) / (2 * Math.pow(Math.cos(Math.PI / 6), 2)));
      v1 = new double[] {v1[0] / Math.pow(r, 1.5) * factor, v1[1] / Math.pow(r, 1.5) * factor};
      double[] v2 = rotate(v1, 2 * Math.PI / 3);
      double[] v3 = rotate(v2, 2 * Math.PI / 3);
      for (double[] v : new double[][] {v1, v2, v3}) {
        v[0] *= 1 + 0.2 * (2 * theirs.nextDouble() - 1);
        v[1] *= 1 + 0.2 * (2 * theirs.nextDouble() - 1);
      }
      double[] expected = {p1[0], p1[1], p2[0], p2[1], p3[0], p3[1],
          v1[0], v1[1], v2[0], v2[1], v3[0], v3[1]};
      worst = Math.max(worst, PhaseSpace.distance(x, expected));
    }
    System.out.printf("[three-body] max |sampler - Greydanus random_config| = %.3e%n", worst);
    assertThat(worst).isLessThan(1e-14);
  }

  /** numpy's {@code rotate2d}: {@code [[c, −s], [s, c]] @ p}. */
  private static double[] rotate(double[] p, double theta) {
    double c = Math.cos(theta);
    double s = Math.sin(theta);
    return new double[] {c * p[0] - s * p[1], s * p[0] + c * p[1]};
  }
}

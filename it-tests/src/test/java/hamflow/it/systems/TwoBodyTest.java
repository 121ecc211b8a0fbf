package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.TwoBody;
import hamflow.runtime.simulate.Trajectories;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Two gravitating bodies: H, the invariants, the reduction to a Kepler ellipse of the relative
 * coordinate with a uniformly moving centre of mass, and Greydanus' orbit sampler.
 */
class TwoBodyTest {
  private static final double G = 1.3;
  private static final double M1 = 1.5;
  private static final double M2 = 0.5;
  private static final TwoBody UNEVEN =
      new TwoBody(new TwoBody.Parameters(G, M1, M2, 0.5, 1.5, 0.05));
  private static final TwoBody GREYDANUS =
      new TwoBody(new TwoBody.Parameters(1, 1, 1, 0.5, 1.5, 0.05));

  /** H by TF equals Σ|pᵢ|²/2mᵢ − G m₁m₂/|q₁ − q₂| in Java (terms O(1): rounding, ~1e-15). */
  @Test
  void hamiltonianMatchesFormula() {
    double[][] states = SystemsTf.sample(UNEVEN, new SplittableRandom(2), 200);
    double[] h = SystemsTf.energy(UNEVEN, states);
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double r = Math.hypot(x[0] - x[2], x[1] - x[3]);
      double expected = (x[4] * x[4] + x[5] * x[5]) / (2 * M1)
          + (x[6] * x[6] + x[7] * x[7]) / (2 * M2) - G * M1 * M2 / r;
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-13));
    }
  }

  /**
   * Sampled orbits, given a common boost (so the centre of mass moves), integrated with RK4 over
   * exactly one Kepler period of their relative orbit, T = 2π √(a³/μ), μ = G(m₁+m₂),
   * a = −μ/2E_rel, in 20000 steps. The relative coordinate returns to its start (a Kepler
   * ellipse of that μ, closure ≪ 1e-6: RK4's error ~ T·C·h⁴ ≈ 1e-11 at these near-circular,
   * slow orbits), its energy E_rel = |v|²/2 − μ/|r| and Laplace–Runge–Lenz vector stay fixed
   * (1e-9), the centre of mass follows X₀ + P t/M to 1e-9 (the pair forces cancel exactly, so
   * only rounding: ~1e-14), and the invariants momentum-x/-y, angular-momentum and H are
   * conserved to 1e-9 relative (RK4 h⁴ error) — angular momentum compared to |L|, momenta to the
   * boost.
   */
  @Test
  void relativeMotionIsAKeplerEllipseAndTheCentreOfMassMovesUniformly() {
    double[][] initial = SystemsTf.sample(UNEVEN, new SplittableRandom(13), 3);
    double[] boost = {0.3, -0.2};
    double total = M1 + M2;
    double mu = G * total;
    double closure = 0;
    double relativeEnergyDrift = 0;
    double lrlDrift = 0;
    double centreError = 0;
    double invariantDrift = 0;
    for (double[] start : initial) {
      double[] x0 = start.clone();
      for (int a = 0; a < 2; a++) {
        x0[4 + a] += M1 * boost[a];
        x0[6 + a] += M2 * boost[a];
      }
      double[] rel0 = relative(x0);
      double energy0 = relativeEnergy(rel0, mu);
      double semiMajor = -mu / (2 * energy0);
      double period = 2 * Math.PI * Math.sqrt(semiMajor * semiMajor * semiMajor / mu);
      int steps = 20000;
      Trajectories t =
          SystemsTf.simulate(UNEVEN, "rk4", new double[][] {x0}, period / steps, steps, 100);
      int last = t.times().length - 1;
      double[] lrl0 = lrl(rel0, mu);
      for (int s = 0; s <= last; s++) {
        double[] x = t.states()[0][s];
        double[] rel = relative(x);
        relativeEnergyDrift = Math.max(relativeEnergyDrift,
            Math.abs(relativeEnergy(rel, mu) - energy0) / Math.abs(energy0));
        double[] lrl = lrl(rel, mu);
        lrlDrift = Math.max(lrlDrift, Math.hypot(lrl[0] - lrl0[0], lrl[1] - lrl0[1]) / mu);
        for (int a = 0; a < 2; a++) {
          double centre = (M1 * x[a] + M2 * x[2 + a]) / total;
          double expected = (M1 * x0[a] + M2 * x0[2 + a]) / total + boost[a] * t.times()[s];
          centreError = Math.max(centreError, Math.abs(centre - expected));
        }
      }
      closure = Math.max(closure, PhaseSpace.distance(relative(t.states()[0][last]), rel0));
      invariantDrift = Math.max(invariantDrift, PhaseSpace.maxDrift(t.energy(), 1e-3));
      invariantDrift = Math.max(invariantDrift, PhaseSpace.maxDrift(t, "angular-momentum", 1e-3));
      invariantDrift = Math.max(invariantDrift, PhaseSpace.maxDrift(t, "momentum-x", total * 0.3));
      invariantDrift = Math.max(invariantDrift, PhaseSpace.maxDrift(t, "momentum-y", total * 0.2));
      assertThat(t.conserved().get("momentum-x")[0][0]).isCloseTo(total * boost[0],
          Offset.offset(1e-12));
    }
    System.out.printf("[two-body] rk4 over one relative period: closure %.3e, E_rel drift %.3e,"
            + " LRL drift/mu %.3e, centre-of-mass error %.3e, H/L/P drift %.3e%n",
        closure, relativeEnergyDrift, lrlDrift, centreError, invariantDrift);
    assertThat(closure).isLessThan(1e-6);
    assertThat(relativeEnergyDrift).isLessThan(1e-9);
    assertThat(lrlDrift).isLessThan(1e-9);
    assertThat(centreError).isLessThan(1e-9);
    assertThat(invariantDrift).isLessThan(1e-9);
  }

  /** {@code (r, v)} of the relative coordinate r = q₁ − q₂, v = p₁/m₁ − p₂/m₂. */
  private static double[] relative(double[] x) {
    return new double[] {
      x[0] - x[2], x[1] - x[3], x[4] / M1 - x[6] / M2, x[5] / M1 - x[7] / M2};
  }

  private static double relativeEnergy(double[] rel, double mu) {
    return (rel[2] * rel[2] + rel[3] * rel[3]) / 2 - mu / Math.hypot(rel[0], rel[1]);
  }

  /** A = v × L ẑ − μ r̂, with L = r × v: |A| = μ e. */
  private static double[] lrl(double[] rel, double mu) {
    double l = rel[0] * rel[3] - rel[1] * rel[2];
    double r = Math.hypot(rel[0], rel[1]);
    return new double[] {rel[3] * l - mu * rel[0] / r, -rel[2] * l - mu * rel[1] / r};
  }

  /**
   * Greydanus' {@code random_config} (experiment-2body/data.py) transcribed line by line, with
   * the same generator: {@code pos} uniform in [min, max]², {@code vel = flipud(pos)/(2r^1.5)},
   * {@code vel[0] *= −1}, {@code vel *= 1 + noise·randn}, body 2 = −body 1. The system's sampler
   * gives the same states (G = m = 1) to rounding (it forms the speed as √(μ/2r)·(1/2)).
   */
  @Test
  void samplerReproducesGreydanusRandomConfig() {
    SplittableRandom mine = new SplittableRandom(99);
    SplittableRandom theirs = new SplittableRandom(99);
    double worst = 0;
    for (int k = 0; k < 500; k++) {
      double[] x = GREYDANUS.sampleInitialState(mine);
      double[] pos = {theirs.nextDouble() * (1.5 - 0.5) + 0.5, theirs.nextDouble() * (1.5 - 0.5) + 0.5};
      double r = Math.sqrt(pos[0] * pos[0] + pos[1] * pos[1]);
      double[] vel = {pos[1] / (2 * Math.pow(r, 1.5)), pos[0] / (2 * Math.pow(r, 1.5))};
      vel[0] *= -1;
      double factor = 1 + 0.05 * theirs.nextGaussian();
      vel[0] *= factor;
      vel[1] *= factor;
      double[] expected = {pos[0], pos[1], -pos[0], -pos[1], vel[0], vel[1], -vel[0], -vel[1]};
      worst = Math.max(worst, PhaseSpace.distance(x, expected));
    }
    System.out.printf("[two-body] max |sampler - Greydanus random_config| = %.3e%n", worst);
    assertThat(worst).isLessThan(1e-14);
  }

  /**
   * Unequal masses: the centre of mass starts at the origin at rest, the separation is 2r with r
   * in the first quadrant box, and each orbit is near-circular: with the speed factor
   * f = 1 + 0.05ξ the eccentricity is exactly |f² − 1| (velocity ⟂ separation), ≈ 0.1|ξ|. Over
   * 2000 draws: every e < 0.5 (|ξ| > 4.9 has probability ~1e-6 per draw) and the mean within
   * [0.06, 0.1] (E[0.1|ξ|] ≈ 0.080, standard error ~0.0013).
   */
  @Test
  void samplerGivesNearCircularOrbitsAboutTheCentreOfMass() {
    double[][] states = SystemsTf.sample(UNEVEN, new SplittableRandom(21), 2000);
    double total = M1 + M2;
    double mu = G * total;
    double sum = 0;
    double max = 0;
    for (double[] x : states) {
      for (int a = 0; a < 2; a++) {
        assertThat(M1 * x[a] + M2 * x[2 + a]).isCloseTo(0, Offset.offset(1e-14));
        assertThat(x[4 + a] + x[6 + a]).isCloseTo(0, Offset.offset(1e-14));
        assertThat((x[a] - x[2 + a]) / 2).isBetween(0.5 - 1e-12, 1.5 + 1e-12);
      }
      double[] rel = relative(x);
      double[] a = lrl(rel, mu);
      double e = Math.hypot(a[0], a[1]) / mu;
      double circular = Math.sqrt(mu / Math.hypot(rel[0], rel[1]));
      double f = Math.hypot(rel[2], rel[3]) / circular;
      assertThat(e).isCloseTo(Math.abs(f * f - 1), Offset.offset(1e-12));
      sum += e;
      max = Math.max(max, e);
    }
    System.out.printf("[two-body] sampler: mean eccentricity %.4f, max %.4f over %d orbits%n",
        sum / states.length, max, states.length);
    assertThat(max).isLessThan(0.5);
    assertThat(sum / states.length).isBetween(0.06, 0.1);
  }

  @Test
  void rejectsReversedRadii() {
    assertThatThrownBy(() -> new TwoBody.Parameters(1, 1, 1, 1.5, 0.5, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orbit-radius-max");
  }
}

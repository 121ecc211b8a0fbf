package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.Kepler;
import hamflow.runtime.simulate.Trajectories;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Kepler problem: orbit closure, its invariants, their algebra, H and the sampler. */
class KeplerTest {
  private static final double K = -1.7;
  private static final double A = 1.3;
  private static final double E = 0.5;

  private static Kepler kepler(int dimension) {
    return new Kepler(new Kepler.Parameters(dimension, K, A, E, E));
  }

  /**
   * Three orbits of eccentricity 0.5 (pericentre 0.65, where |∇H| ≈ 4) with RK4 over exactly one
   * period T = 2π a^{3/2}/√|k| in 20000 steps (h ≈ 4.6e-4). RK4's global error ~ T·C·h⁴ with C
   * set by the pericentre passage (time scale ~ r_p^{3/2}/√|k| ≈ 0.4, so C ≲ (1/0.4)⁵ ≈ 100)
   * is ≲ 3e-11: the orbit closes to ≪ 1e-6 (the brief's bound), while a wrong period (a 1e-4
   * error in T moves the state by ~|v|·1e-4·T) or a wrong force fails. Along the way L and A are
   * conserved to 1e-8 of |L| and |A| (same h⁴ error, components compared with the vector's length
   * because a component may be near 0), A·L = 0 and |A|² = k² + 2H|L|² hold to 1e-8 relative
   * (identities of any state: they only see rounding, ~1e-15), and |A| = |k| e at t = 0
   * (the sampler's eccentricity, to rounding: 1e-12).
   */
  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {2, 3})
  void orbitClosesAfterOnePeriodAndInvariantsHold(int dimension) {
    Kepler system = kepler(dimension);
    int d = dimension;
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(11 + d), 3);
    int steps = 20000;
    double dt = system.period() / steps;
    Trajectories t = SystemsTf.simulate(system, "rk4", initial, dt, steps, 100);
    int last = t.times().length - 1;
    assertThat(t.times()[last]).isCloseTo(system.period(), Offset.offset(1e-9));

    double closure = 0;
    for (int i = 0; i < initial.length; i++) {
      for (int j = 0; j < 2 * d; j++) {
        closure = Math.max(closure, Math.abs(t.states()[i][last][j] - initial[i][j]));
      }
    }
    Map<String, double[][]> c = t.conserved();
    List<String> lNames = d == 2 ? List.of("angular-momentum")
        : List.of("angular-momentum-x", "angular-momentum-y", "angular-momentum-z");
    List<String> aNames = d == 2 ? List.of("lrl-x", "lrl-y") : List.of("lrl-x", "lrl-y", "lrl-z");
    assertThat(c.keySet()).containsExactlyElementsOf(
        java.util.stream.Stream.concat(lNames.stream(), aNames.stream()).toList());

    double lDrift = 0;
    double aDrift = 0;
    double identity = 0;
    double orthogonality = 0;
    double eccentricity = 0;
    for (int i = 0; i < initial.length; i++) {
      double l0 = norm(c, lNames, i, 0);
      double a0 = norm(c, aNames, i, 0);
      eccentricity = Math.max(eccentricity, Math.abs(a0 - Math.abs(K) * E));
      for (int s = 0; s <= last; s++) {
        for (String name : lNames) {
          lDrift = Math.max(lDrift, Math.abs(c.get(name)[i][s] - c.get(name)[i][0]) / l0);
        }
        for (String name : aNames) {
          aDrift = Math.max(aDrift, Math.abs(c.get(name)[i][s] - c.get(name)[i][0]) / a0);
        }
        double l = norm(c, lNames, i, s);
        double a = norm(c, aNames, i, s);
        double rhs = K * K + 2 * t.energy()[i][s] * l * l;
        identity = Math.max(identity, Math.abs(a * a - rhs) / (K * K));
        if (d == 3) {
          double dot = 0;
          for (int j = 0; j < 3; j++) {
            dot += c.get(lNames.get(j))[i][s] * c.get(aNames.get(j))[i][s];
          }
          orthogonality = Math.max(orthogonality, Math.abs(dot) / (a * l));
        }
      }
    }
    System.out.printf("[kepler] d=%d e=%.1f a=%.1f k=%.1f, rk4 %d steps over one period:"
            + " closure %.3e, L drift %.3e, LRL drift %.3e, | |A|^2-k^2-2H|L|^2 |/k^2 %.3e,"
            + " |A.L|/(|A||L|) %.3e, | |A|-|k|e | %.3e%n",
        d, E, A, K, steps, closure, lDrift, aDrift, identity, orthogonality, eccentricity);
    assertThat(closure).isLessThan(1e-6);
    assertThat(lDrift).isLessThan(1e-8);
    assertThat(aDrift).isLessThan(1e-8);
    assertThat(identity).isLessThan(1e-8);
    assertThat(orthogonality).isLessThan(1e-8);
    assertThat(eccentricity).isLessThan(1e-12);
  }

  private static double norm(Map<String, double[][]> c, List<String> names, int i, int s) {
    double sum = 0;
    for (String name : names) {
      sum += c.get(name)[i][s] * c.get(name)[i][s];
    }
    return Math.sqrt(sum);
  }

  /**
   * H by TF equals |p|²/2 + k/|q| in Java (terms O(1): rounding ~1e-15), and every sampled state
   * of a bound orbit has the energy k/2a of its semi-major axis, and an eccentricity, read from
   * |A| = |k|e, inside the requested range.
   */
  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {2, 3})
  void samplerDrawsBoundOrbitsWithRequestedShape(int dimension) {
    double eMin = 0.2;
    double eMax = 0.6;
    Kepler system = new Kepler(new Kepler.Parameters(dimension, K, A, eMin, eMax));
    double[][] states = SystemsTf.sample(system, new SplittableRandom(5), 500);
    double[] h = SystemsTf.energy(system, states);
    double seenMin = 1;
    double seenMax = 0;
    for (int s = 0; s < states.length; s++) {
      double[] x = states[s];
      double r2 = 0;
      double p2 = 0;
      for (int j = 0; j < dimension; j++) {
        r2 += x[j] * x[j];
        p2 += x[dimension + j] * x[dimension + j];
      }
      double expected = p2 / 2 + K / Math.sqrt(r2);
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-14));
      assertThat(h[s]).as("energy of state %d", s).isCloseTo(K / (2 * A), Offset.offset(1e-12));
      double[] lrl = lrl(x, dimension);
      double e = Math.sqrt(lrl[0] * lrl[0] + lrl[1] * lrl[1] + lrl[2] * lrl[2]) / Math.abs(K);
      seenMin = Math.min(seenMin, e);
      seenMax = Math.max(seenMax, e);
    }
    // e uniform in [0.2, 0.6]: 500 draws reach within 0.01 of either end (miss chance 0.975^500).
    assertThat(seenMin).isGreaterThanOrEqualTo(eMin - 1e-12).isLessThan(eMin + 0.01);
    assertThat(seenMax).isLessThanOrEqualTo(eMax + 1e-12).isGreaterThan(eMax - 0.01);
  }

  /**
   * With {@code inclination-max} below π every orbit is prograde about z with its normal inside
   * the cap, cos i uniform on [cos imax, 1] (its mean the midpoint, within 4 standard errors),
   * the energy and eccentricities as before, and the pericentre direction spread over the plane.
   */
  @Test
  void cappedInclinationsKeepNormalsInsideTheCap() {
    double imax = 1.0;
    Kepler system = new Kepler(new Kepler.Parameters(3, K, A, 0.1, 0.5, imax));
    int draws = 2000;
    double[][] states = SystemsTf.sample(system, new SplittableRandom(9), draws);
    double[] h = SystemsTf.energy(system, states);
    double meanCos = 0;
    double lowest = 1;
    double pericentreX = 0;
    for (int s = 0; s < draws; s++) {
      double[] x = states[s];
      double[] l = cross(new double[] {x[0], x[1], x[2]}, new double[] {x[3], x[4], x[5]});
      double cos = l[2] / Math.sqrt(l[0] * l[0] + l[1] * l[1] + l[2] * l[2]);
      assertThat(cos).as("cos i of state %d", s).isGreaterThanOrEqualTo(Math.cos(imax) - 1e-12);
      assertThat(h[s]).as("energy of state %d", s).isCloseTo(K / (2 * A), Offset.offset(1e-12));
      double[] lrl = lrl(x, 3);
      double e = Math.sqrt(lrl[0] * lrl[0] + lrl[1] * lrl[1] + lrl[2] * lrl[2]) / Math.abs(K);
      assertThat(e).as("eccentricity of state %d", s).isBetween(0.1 - 1e-12, 0.5 + 1e-12);
      pericentreX += lrl[0] / (e * Math.abs(K)) / draws;
      meanCos += cos / draws;
      lowest = Math.min(lowest, cos);
    }
    double width = 1 - Math.cos(imax);
    double standardError = width / Math.sqrt(12 * draws);
    assertThat(meanCos).isCloseTo(1 - width / 2, Offset.offset(4 * standardError));
    assertThat(lowest).isLessThan(Math.cos(imax) + 0.01); // the cap's edge is reached
    assertThat(Math.abs(pericentreX)).isLessThan(0.1); // no preferred pericentre direction
  }

  @Test
  void inclinationCapIsForThreeDimensions() {
    assertThatThrownBy(() -> new Kepler.Parameters(2, K, A, 0, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inclination-max (1.0) applies to 3-D orbits only");
  }

  /** A = p × L + k q/|q| in Java, L = q × p (z only in 2-D). */
  private static double[] lrl(double[] x, int d) {
    double[] q = {x[0], x[1], d == 3 ? x[2] : 0};
    double[] p = {x[d], x[d + 1], d == 3 ? x[d + 2] : 0};
    double[] l = cross(q, p);
    double[] a = cross(p, l);
    double r = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
    for (int j = 0; j < 3; j++) {
      a[j] += K * q[j] / r;
    }
    return a;
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  @Test
  void rejectsZeroStrengthAndReversedEccentricities() {
    assertThatThrownBy(() -> new Kepler.Parameters(2, 0.0, 1, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must not be 0");
    assertThatThrownBy(() -> new Kepler.Parameters(3, -1, 1, 0.6, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eccentricity-max");
  }

  /** For k > 0 the sampler's pericentre state has energy k/2a (a repulsive hyperbola). */
  @Test
  void repulsiveSamplerHasHyperbolaEnergy() {
    Kepler system = new Kepler(new Kepler.Parameters(3, 2.0, 0.8, 0.1, 0.4));
    double[][] states = SystemsTf.sample(system, new SplittableRandom(3), 50);
    double[] h = SystemsTf.energy(system, states);
    for (double v : h) {
      // k/2a = 1.25 with O(1) terms: rounding only.
      assertThat(v).isCloseTo(2.0 / (2 * 0.8), Offset.offset(1e-12));
    }
  }
}

package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.plugins.systems.HenonHeiles;
import hamflow.runtime.simulate.Trajectories;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hénon–Heiles: H, and a sampler on the chosen energy shell inside the bounded region. */
class HenonHeilesTest {

  /**
   * Every sampled state has H = E (by the TF ops) to 1e-12: |p|² = 2(E − V) is formed in Java
   * and H re-adds V, terms ≤ 1/6, so only a few ulps (~1e-17) separate them. It lies strictly
   * inside the triangle y > −1/2, y < 1 − √3|x| (where V < 1/6) with V ≤ E, H equals the
   * documented polynomial, and the positions reach over the allowed region (not a single point).
   */
  @ParameterizedTest(name = "E = {0}")
  @ValueSource(doubles = {0.001, 1.0 / 12, 0.125, 1.0 / 6})
  void sampledStatesHaveTheEnergyAndStayInTheTriangle(double energy) {
    HenonHeiles system = new HenonHeiles(new HenonHeiles.Parameters(energy));
    double[][] states = SystemsTf.sample(system, new SplittableRandom(17), 1000);
    double[] h = SystemsTf.energy(system, states);
    double maxError = 0;
    double maxRadius = 0;
    for (int s = 0; s < states.length; s++) {
      double[] z = states[s];
      double x = z[0];
      double y = z[1];
      double expected =
          (z[2] * z[2] + z[3] * z[3] + x * x + y * y) / 2 + x * x * y - y * y * y / 3;
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-14));
      maxError = Math.max(maxError, Math.abs(h[s] - energy));
      assertThat(y).as("y of state %d", s).isGreaterThan(-0.5);
      assertThat(y).as("y of state %d", s).isLessThan(1 - Math.sqrt(3) * Math.abs(x));
      assertThat(HenonHeiles.potential(x, y)).isLessThanOrEqualTo(energy);
      maxRadius = Math.max(maxRadius, Math.hypot(x, y));
    }
    System.out.printf("[henon-heiles] E=%.4f: max |H - E| = %.3e, max |q| = %.3f%n",
        energy, maxError, maxRadius);
    assertThat(maxError).isLessThan(1e-12);
    // Near the origin V ≈ r²/2, so the allowed disc has radius ≈ √(2E); the draws reach past
    // 80% of it (for E = 1/6 the region is the whole triangle, inradius 1/2, so √(2E) ≈ 0.58
    // is still a lower bound on how far it extends).
    assertThat(maxRadius).isGreaterThan(0.8 * Math.sqrt(2 * energy));
  }

  /**
   * Leapfrog from sampled states at E = 1/8 for t = 200: the energy of the bounded motion stays
   * close (leapfrog's error is O(h²) and bounded: ≲ 1e-4 at h = 0.01) and the orbit never
   * leaves the triangle, as it must below the escape energy 1/6.
   */
  @Test
  void boundedMotionStaysInsideTheTriangle() {
    double energy = 0.125;
    HenonHeiles system = new HenonHeiles(new HenonHeiles.Parameters(energy));
    double[][] initial = SystemsTf.sample(system, new SplittableRandom(23), 4);
    Trajectories t = SystemsTf.simulate(system, "leapfrog", initial, 0.01, 20000, 100);
    double maxEnergyError = 0;
    for (int i = 0; i < initial.length; i++) {
      for (int s = 0; s < t.times().length; s++) {
        double[] z = t.states()[i][s];
        assertThat(HenonHeiles.insideTriangle(z[0], z[1])).as("trajectory %d at step %d", i, s)
            .isTrue();
        maxEnergyError = Math.max(maxEnergyError, Math.abs(t.energy()[i][s] - energy));
      }
    }
    System.out.printf("[henon-heiles] leapfrog E=1/8, t=200: max |H - E| = %.3e%n",
        maxEnergyError);
    assertThat(maxEnergyError).isLessThan(1e-4);
  }
}

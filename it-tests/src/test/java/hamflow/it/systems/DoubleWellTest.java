package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.plugins.systems.DoubleWell;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The double well's H, and a sampler that keeps to its energy range. */
class DoubleWellTest {
  private static final double M = 1.5;
  private static final double QUARTIC = 0.7;
  private static final double QUADRATIC = 2.0;
  /** b²/4a. */
  private static final double BARRIER = QUADRATIC * QUADRATIC / (4 * QUARTIC);

  /**
   * Energies ε ∈ [0.3, 0.8] barrier heights above the well bottom: H (by the TF ops) equals
   * p²/2m + aq⁴ − bq² in Java and lies in [−ΔV + 0.3ΔV, −ΔV + 0.8ΔV] up to rounding (terms
   * O(ΔV ≈ 1.4): 1e-12 is ~1e3 ulps); below the barrier every state is trapped in one well,
   * so q ≠ 0 and V(q) < 0; 2000 uniform draws come within 1% of both ends of the range, and both
   * wells are visited.
   */
  @Test
  void samplerStaysInEnergyRangeBelowBarrier() {
    double[] h = check(0.3, 0.8);
    for (double v : h) {
      assertThat(v).isNegative();
    }
  }

  /** Above the barrier (ε ∈ [1.5, 2]) every state has H > 0 and may cross q = 0. */
  @Test
  void samplerStaysInEnergyRangeAboveBarrier() {
    double[] h = check(1.5, 2.0);
    for (double v : h) {
      assertThat(v).isPositive();
    }
  }

  private static double[] check(double epsMin, double epsMax) {
    DoubleWell system =
        new DoubleWell(new DoubleWell.Parameters(M, QUARTIC, QUADRATIC, epsMin, epsMax));
    assertThat(system.barrierHeight()).isCloseTo(BARRIER, Offset.offset(1e-15));
    double[][] states = SystemsTf.sample(system, new SplittableRandom(9), 2000);
    double[] h = SystemsTf.energy(system, states);
    double lo = -BARRIER + epsMin * BARRIER;
    double hi = -BARRIER + epsMax * BARRIER;
    double seenMin = Double.POSITIVE_INFINITY;
    double seenMax = Double.NEGATIVE_INFINITY;
    int left = 0;
    for (int s = 0; s < states.length; s++) {
      double q = states[s][0];
      double p = states[s][1];
      double expected = p * p / (2 * M) + QUARTIC * q * q * q * q - QUADRATIC * q * q;
      assertThat(h[s]).as("H of state %d", s).isCloseTo(expected, Offset.offset(1e-12));
      assertThat(h[s]).as("energy of state %d", s).isBetween(lo - 1e-12, hi + 1e-12);
      seenMin = Math.min(seenMin, h[s]);
      seenMax = Math.max(seenMax, h[s]);
      left += q < 0 ? 1 : 0;
    }
    double span = hi - lo;
    assertThat(seenMin).isLessThan(lo + 0.01 * span);
    assertThat(seenMax).isGreaterThan(hi - 0.01 * span);
    // Sign of q is a fair coin: 2000 flips land within [800, 1200] except with chance ~1e-19.
    assertThat(left).isBetween(800, 1200);
    System.out.printf("[double-well] eps in [%.1f, %.1f]: H in [%.6f, %.6f] (range [%.6f, %.6f])%n",
        epsMin, epsMax, seenMin, seenMax, lo, hi);
    return h;
  }

  @Test
  void rejectsReversedEnergyRange() {
    assertThatThrownBy(() -> new DoubleWell.Parameters(1, 1, 1, 0.8, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("energy-max");
  }
}

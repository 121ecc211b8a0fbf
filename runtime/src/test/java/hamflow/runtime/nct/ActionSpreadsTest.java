package hamflow.runtime.nct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The spreads of the flow report on actions whose statistics are known exactly. */
class ActionSpreadsTest {

  /** Trajectory i holds {@code base_i + amp_i·(±1)} alternately: mean base_i, std amp_i. */
  private static double[][][] alternating(double[] base, double[] amp) {
    double[][][] a = new double[base.length][4][1];
    for (int i = 0; i < base.length; i++) {
      for (int t = 0; t < 4; t++) {
        a[i][t][0] = base[i] + (t % 2 == 0 ? amp[i] : -amp[i]);
      }
    }
    return a;
  }

  @Test
  void relativeSpreadAndRatioFromMeansAndStandardDeviations() {
    ActionSpreads s = ActionSpreads.of(alternating(new double[] {1, 3}, new double[] {0.1, 0.6}), 1);
    assertThat(s.relative()[0]).isCloseTo((0.1 / 1 + 0.6 / 3) / 2, within(1e-15));
    // mean std 0.35 over the std of the means {1, 3}, which is 1
    assertThat(s.ratio()[0]).isCloseTo(0.35, within(1e-15));
  }

  @Test
  void aMotionlessPlaneIsPerfectlyConservedNotNan() {
    ActionSpreads s = ActionSpreads.of(alternating(new double[] {0, 0}, new double[] {0, 0}), 1);
    assertThat(s.relative()[0]).isZero();
    assertThat(s.ratio()[0]).isZero();
  }

  @Test
  void anActionEqualOnEveryTrajectoryTellsNoneApart() {
    ActionSpreads s = ActionSpreads.of(alternating(new double[] {2, 2}, new double[] {0.2, 0.2}), 1);
    assertThat(s.relative()[0]).isCloseTo(0.1, within(1e-15));
    assertThat(s.ratio()[0]).isInfinite();
  }
}

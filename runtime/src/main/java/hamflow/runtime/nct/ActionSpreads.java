package hamflow.runtime.nct;

import java.util.Arrays;

/**
 * How well actions are conserved along trajectories, per action k, from the mean m_ik and
 * standard deviation s_ik of {@code actions[i][t][k]} over the points t of trajectory i:
 * {@code relative}, the mean over i of s_ik / m_ik; and {@code ratio}, the mean over i of s_ik
 * over the standard deviation over i of m_ik — below 1 the action is conserved along each
 * trajectory and tells trajectories apart, near or above 1 it does neither (meaningful for two
 * trajectories or more).
 *
 * <p>Zero cases, so that metrics.json never holds NaN: an action that does not move along a
 * trajectory (s_ik = 0) counts as relative spread 0 whatever its mean, a motionless plane's zero
 * included; a ratio whose numerator is 0 is 0; one whose trajectories all share one mean
 * action while it moves along them is infinite (the action tells none apart).
 */
record ActionSpreads(double[] relative, double[] ratio) {

  /** {@code actions[i][t][k]}: trajectory i, point t, action k of n. */
  static ActionSpreads of(double[][][] actions, int n) {
    int paths = actions.length;
    double[] relative = new double[n];
    double[] ratio = new double[n];
    for (int k = 0; k < n; k++) {
      double within = 0;
      double[] means = new double[paths];
      for (int i = 0; i < paths; i++) {
        double mean = 0;
        for (double[] a : actions[i]) {
          mean += a[k];
        }
        mean /= actions[i].length;
        double var = 0;
        for (double[] a : actions[i]) {
          var += (a[k] - mean) * (a[k] - mean);
        }
        double std = Math.sqrt(var / actions[i].length);
        relative[k] += (std == 0 ? 0 : std / Math.abs(mean)) / paths;
        within += std / paths;
        means[i] = mean;
      }
      double grand = Arrays.stream(means).average().orElse(0);
      double across = Math.sqrt(Arrays.stream(means).map(m -> (m - grand) * (m - grand))
          .average().orElse(0));
      ratio[k] = within == 0 ? 0 : within / across;
    }
    return new ActionSpreads(relative, ratio);
  }
}

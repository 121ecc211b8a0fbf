package hamflow.runtime.simulate;

import java.util.Map;

/**
 * Simulated trajectories in float64: {@code times[k]} for kept state k, {@code states[i][k]} the
 * state {@code [q..., p...]} of trajectory i, {@code energy[i][k]} its {@code H}, and each
 * conserved quantity by name, shaped like {@code energy}.
 */
public record Trajectories(
    double[] times, double[][][] states, double[][] energy, Map<String, double[][]> conserved) {

  public int count() {
    return states.length;
  }

  public int dimension() {
    return states[0][0].length;
  }

  /** max over trajectories and times of |Q(t) − Q(0)| / |Q(0)| (absolute where Q(0) = 0). */
  public static double maxRelativeDrift(double[][] values) {
    double max = 0;
    for (double[] v : values) {
      for (double x : v) {
        max = Math.max(max, relative(x, v[0]));
      }
    }
    return max;
  }

  /** max over trajectories of the relative drift at the last kept time. */
  public static double finalRelativeDrift(double[][] values) {
    double max = 0;
    for (double[] v : values) {
      max = Math.max(max, relative(v[v.length - 1], v[0]));
    }
    return max;
  }

  private static double relative(double x, double x0) {
    double scale = Math.abs(x0);
    return scale > 0 ? Math.abs(x - x0) / scale : Math.abs(x - x0);
  }
}

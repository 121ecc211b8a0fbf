package hamflow.runtime.train;

import java.nio.file.Path;

/**
 * Time derivatives along a sampled trajectory when a file gives none: the second-order
 * three-point formula on a possibly uneven grid, one-sided at both ends (exact for quadratics).
 */
final class FiniteDifferences {
  private FiniteDifferences() {}

  static double[][] derivative(Path file, double[] t, double[][] x) {
    int k = t.length;
    if (k < 3) {
      throw new DataFileException(file, "a trajectory has " + k + " samples; estimating dx/dt "
          + "needs at least 3 (or give dxdt)");
    }
    for (int i = 1; i < k; i++) {
      if (!(t[i] > t[i - 1])) {
        throw new DataFileException(file, "times must increase along a trajectory; t = " + t[i]
            + " follows " + t[i - 1] + " (add a 'trajectory' column to separate trajectories)");
      }
    }
    int dim = x[0].length;
    double[][] d = new double[k][dim];
    for (int i = 0; i < k; i++) {
      // Three points around i (shifted inward at the ends) and Lagrange weights for d/dt at t_i.
      int a = Math.max(0, Math.min(i - 1, k - 3));
      double t0 = t[a];
      double t1 = t[a + 1];
      double t2 = t[a + 2];
      double s = t[i];
      double w0 = ((s - t1) + (s - t2)) / ((t0 - t1) * (t0 - t2));
      double w1 = ((s - t0) + (s - t2)) / ((t1 - t0) * (t1 - t2));
      double w2 = ((s - t0) + (s - t1)) / ((t2 - t0) * (t2 - t1));
      for (int c = 0; c < dim; c++) {
        d[i][c] = w0 * x[a][c] + w1 * x[a + 1][c] + w2 * x[a + 2][c];
      }
    }
    return d;
  }
}

package hamflow.api.nn;

import java.util.random.RandomGenerator;

/** Initial values for network weights, drawn in Java so that a seed fixes them on any device. */
public final class Initializers {
  private Initializers() {}

  /**
   * A {@code rows × cols} matrix (row-major) with orthonormal columns when {@code rows ≥ cols},
   * orthonormal rows otherwise: Gram–Schmidt on a standard Gaussian matrix with the signs fixed
   * so the result is Haar-distributed, as {@code torch.nn.init.orthogonal_} draws it.
   */
  public static double[] orthogonal(RandomGenerator random, int rows, int cols) {
    boolean transpose = rows < cols;
    int n = transpose ? cols : rows; // long side
    int k = transpose ? rows : cols; // vectors to orthonormalise, each of length n
    double[][] v = new double[k][n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        v[j][i] = random.nextGaussian();
      }
      // Twice-repeated modified Gram–Schmidt keeps orthogonality at machine precision.
      for (int pass = 0; pass < 2; pass++) {
        for (int m = 0; m < j; m++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += v[j][i] * v[m][i];
          }
          for (int i = 0; i < n; i++) {
            v[j][i] -= dot * v[m][i];
          }
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += v[j][i] * v[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        v[j][i] /= norm;
      }
    }
    double[] out = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = transpose ? v[r][c] : v[c][r];
      }
    }
    return out;
  }

  /** {@code count} values uniform in {@code [−bound, bound)}. */
  public static double[] uniform(RandomGenerator random, int count, double bound) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = (2 * random.nextDouble() - 1) * bound;
    }
    return out;
  }

  /** {@code count} zeros. */
  public static double[] zeros(int count) {
    return new double[count];
  }
}

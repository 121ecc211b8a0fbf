package hamflow.runtime.train;

import java.util.SplittableRandom;

/** The fixed test states of a {@code fresh} data source: uniform in the box, seeded. */
final class FreshStates {
  private FreshStates() {}

  static double[][] draw(DataSettings d, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[d.freshBatch()][2 * n];
    for (double[] row : x) {
      for (int c = 0; c < row.length; c++) {
        row[c] = d.box() * (2 * random.nextDouble() - 1);
      }
    }
    return x;
  }
}

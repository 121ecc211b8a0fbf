package hamflow.runtime.train;

import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads a user's trajectories from {@code .npz} or {@code .csv}.
 *
 * <ul>
 *   <li>{@code .npz}: {@code x [N, 2n]} (required), {@code dxdt [N, 2n]}, {@code t [N]},
 *       {@code trajectory [N]} (integer ids; rows of one trajectory contiguous and in time order).
 *   <li>{@code .csv}: a header naming columns {@code q1..qn}, {@code p1..pn} (required) and
 *       optionally {@code t}, {@code trajectory}, {@code dq1..dqn}, {@code dp1..dpn}.
 * </ul>
 *
 * Without {@code trajectory} the rows are one trajectory. Without {@code dxdt} the derivatives
 * are estimated along each trajectory by second-order finite differences in {@code t}, which is
 * then required. Every problem names the file and the key or line.
 */
final class DataFiles {
  private DataFiles() {}

  /** Columns read from a file, before splitting into trajectories. */
  private record Columns(double[][] x, double[][] dxdt, double[] t, double[] trajectory) {}

  static Dataset load(Path file, int degreesOfFreedom, double trainFraction) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    Columns c;
    try {
      if (name.endsWith(".npz")) {
        c = npz(file);
      } else if (name.endsWith(".csv")) {
        c = csv(file);
      } else {
        throw new DataFileException(file, "unsupported file type; use .npz or .csv");
      }
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, "file not found");
    } catch (IOException e) {
      throw new DataFileException(file, e.getMessage());
    }
    int dim = c.x()[0].length;
    if (degreesOfFreedom > 0 && dim != 2 * degreesOfFreedom) {
      throw new DataFileException(file, "states have " + dim + " columns but the system has 2n = "
          + 2 * degreesOfFreedom);
    }
    if (dim % 2 != 0) {
      throw new DataFileException(file, "states have an odd number of columns (" + dim
          + "); expected q1..qn then p1..pn");
    }
    List<Trajectory> all = split(file, c);
    if (all.size() < 2) {
      throw new DataFileException(file, "needs at least two trajectories (one to train, one to "
          + "test); found " + all.size() + " — add a 'trajectory' column");
    }
    int train = Math.max(1, Math.min(all.size() - 1, (int) Math.round(all.size() * trainFraction)));
    return new Dataset(List.copyOf(all.subList(0, train)), List.copyOf(all.subList(train, all.size())));
  }

  private static Columns npz(Path file) throws IOException {
    Map<String, NpzReader.Array> arrays = NpzReader.read(file);
    NpzReader.Array x = arrays.get("x");
    if (x == null) {
      throw new DataFileException(file, "has no array 'x' (keys: " + arrays.keySet() + ")");
    }
    if (x.shape().length != 2 || x.shape()[0] == 0) {
      throw new DataFileException(file, "'x' must be 2-D [N, 2n], got shape " + Arrays.toString(x.shape()));
    }
    int n = (int) x.shape()[0];
    double[][] dxdt = null;
    if (arrays.containsKey("dxdt")) {
      NpzReader.Array d = arrays.get("dxdt");
      if (!Arrays.equals(d.shape(), x.shape())) {
        throw new DataFileException(file, "'dxdt' has shape " + Arrays.toString(d.shape())
            + " but 'x' has " + Arrays.toString(x.shape()));
      }
      dxdt = d.rows();
    }
    return new Columns(x.rows(), dxdt, vector(file, arrays, "t", n), vector(file, arrays, "trajectory", n));
  }

  private static double[] vector(Path file, Map<String, NpzReader.Array> arrays, String key, int n) {
    NpzReader.Array a = arrays.get(key);
    if (a == null) {
      return null;
    }
    if (a.values().length != n) {
      throw new DataFileException(file, "'" + key + "' has " + a.values().length
          + " values but 'x' has " + n + " rows");
    }
    return a.values();
  }

  private static Columns csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty()) {
      throw new DataFileException(file, "is empty");
    }
    List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
    int n = 0;
    while (header.contains("q" + (n + 1))) {
      n++;
    }
    if (n == 0) {
      throw new DataFileException(file, "line 1: header must name columns q1..qn and p1..pn, got "
          + lines.get(0));
    }
    int[] xCols = new int[2 * n];
    int[] dCols = new int[2 * n];
    boolean hasD = true;
    for (int i = 0; i < n; i++) {
      xCols[i] = column(file, header, "q" + (i + 1));
      xCols[n + i] = column(file, header, "p" + (i + 1));
      dCols[i] = header.indexOf("dq" + (i + 1));
      dCols[n + i] = header.indexOf("dp" + (i + 1));
      hasD &= dCols[i] >= 0 && dCols[n + i] >= 0;
    }
    int tCol = header.indexOf("t");
    int idCol = header.indexOf("trajectory");
    List<double[]> rows = new ArrayList<>();
    for (int l = 1; l < lines.size(); l++) {
      String line = lines.get(l).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",");
      if (cells.length != header.size()) {
        throw new DataFileException(file, "line " + (l + 1) + ": " + cells.length
            + " values, header has " + header.size());
      }
      double[] row = new double[cells.length];
      for (int j = 0; j < cells.length; j++) {
        try {
          row[j] = Double.parseDouble(cells[j].trim());
        } catch (NumberFormatException e) {
          throw new DataFileException(file, "line " + (l + 1) + ", column '" + header.get(j)
              + "': not a number: '" + cells[j].trim() + "'");
        }
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new DataFileException(file, "has a header but no rows");
    }
    double[][] x = new double[rows.size()][2 * n];
    double[][] d = hasD ? new double[rows.size()][2 * n] : null;
    double[] t = tCol >= 0 ? new double[rows.size()] : null;
    double[] id = idCol >= 0 ? new double[rows.size()] : null;
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      for (int c = 0; c < 2 * n; c++) {
        x[r][c] = row[xCols[c]];
        if (d != null) {
          d[r][c] = row[dCols[c]];
        }
      }
      if (t != null) {
        t[r] = row[tCol];
      }
      if (id != null) {
        id[r] = row[idCol];
      }
    }
    return new Columns(x, d, t, id);
  }

  private static int column(Path file, List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new DataFileException(file, "line 1: header has no column '" + name + "'");
    }
    return i;
  }

  private static List<Trajectory> split(Path file, Columns c) {
    int rows = c.x().length;
    if (c.dxdt() == null && c.t() == null) {
      throw new DataFileException(file, "has neither derivatives (dxdt / dq, dp) nor times (t) "
          + "to estimate them from");
    }
    List<Trajectory> out = new ArrayList<>();
    int start = 0;
    for (int r = 1; r <= rows; r++) {
      boolean boundary = r == rows || (c.trajectory() != null && c.trajectory()[r] != c.trajectory()[r - 1]);
      if (!boundary) {
        continue;
      }
      double[][] x = Arrays.copyOfRange(c.x(), start, r);
      double[] t = c.t() == null ? new double[x.length] : Arrays.copyOfRange(c.t(), start, r);
      double[][] d = c.dxdt() != null ? Arrays.copyOfRange(c.dxdt(), start, r)
          : FiniteDifferences.derivative(file, t, x);
      out.add(new Trajectory(t, x, d));
      start = r;
    }
    return out;
  }
}

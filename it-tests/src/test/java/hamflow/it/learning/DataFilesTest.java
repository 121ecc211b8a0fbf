package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.runtime.report.NpzReader;
import hamflow.runtime.report.NpzWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training from a user's file: harmonic-oscillator trajectories as {@code .npz} or {@code .csv}
 * without derivatives (estimated by second-order finite differences), and bad files refused
 * with messages that name the file and the problem.
 */
class DataFilesTest {
  private static final int TRAJECTORIES = 6;
  private static final int SAMPLES = 31;
  private static final double H = 0.1;
  /** The last trajectory is sampled on an uneven grid (t jittered by up to ±0.3 h). */
  private static final int UNEVEN = TRAJECTORIES - 1;

  @TempDir Path dir;

  /** Exact oscillator paths (m = k = 1): q = r cos(t + φ), p = −r sin(t + φ). */
  private record Data(double[] t, double[] id, double[][] x) {}

  private static Data oscillator() {
    SplittableRandom random = new SplittableRandom(8);
    int rows = TRAJECTORIES * SAMPLES;
    double[] t = new double[rows];
    double[] id = new double[rows];
    double[][] x = new double[rows][];
    for (int j = 0; j < TRAJECTORIES; j++) {
      double r = 0.3 + 0.7 * random.nextDouble();
      double phi = 2 * Math.PI * random.nextDouble();
      for (int k = 0; k < SAMPLES; k++) {
        int row = j * SAMPLES + k;
        double jitter = j == UNEVEN && k > 0 && k < SAMPLES - 1 ? 0.3 * H * (2 * random.nextDouble() - 1) : 0;
        t[row] = k * H + jitter;
        id[row] = 10 + j; // any ids: only changes between rows matter
        x[row] = new double[] {r * Math.cos(t[row] + phi), -r * Math.sin(t[row] + phi)};
      }
    }
    return new Data(t, id, x);
  }

  private static void writeNpz(Path file, Data d) throws IOException {
    double[] flat = new double[d.x().length * 2];
    for (int i = 0; i < d.x().length; i++) {
      flat[2 * i] = d.x()[i][0];
      flat[2 * i + 1] = d.x()[i][1];
    }
    new NpzWriter().add("x", new int[] {d.x().length, 2}, flat)
        .add("t", new int[] {d.t().length}, d.t())
        .add("trajectory", new int[] {d.id().length}, d.id())
        .write(file);
  }

  private static void writeCsv(Path file, Data d) throws IOException {
    StringBuilder csv = new StringBuilder("trajectory,t,q1,p1\n");
    for (int i = 0; i < d.x().length; i++) {
      csv.append((int) d.id()[i]).append(',').append(d.t()[i]).append(',').append(d.x()[i][0])
          .append(',').append(d.x()[i][1]).append('\n');
    }
    Files.writeString(file, csv);
  }

  private static String descriptor(String file, boolean withSystem) {
    return """
        name: data-file
        job: train
        dtype: float64
        seed: 0
        %s
        data:
          source: file
          file: %s
        model:
          type: hnn
          width: 8
          depth: 1
        training:
          steps: 5
        evaluation:
          states: 2
          t-end: 1.0
          points: 5
        """.formatted(withSystem ? "system:\n  type: harmonic-oscillator" : "", file);
  }

  @Test
  void npzWithoutDerivativesTrainsOnFiniteDifferencesAndCsvGivesTheSameData() throws IOException {
    Data data = oscillator();
    writeNpz(dir.resolve("traj.npz"), data);
    writeCsv(dir.resolve("traj.csv"), data);
    Path npzRun = Runs.run(Runs.descriptor(dir, "npz.yaml", descriptor("traj.npz", true)),
        dir.resolve("npz-run"));
    Path csvRun = Runs.run(Runs.descriptor(dir, "csv.yaml", descriptor("traj.csv", true)),
        dir.resolve("csv-run"));
    assertThat(Runs.metrics(npzRun).at("/train_trajectories").asInt()).isEqualTo(3);
    assertThat(Runs.metrics(npzRun).at("/test_trajectories").asInt()).isEqualTo(3);
    assertThat(Runs.metrics(npzRun).at("/model/final_train_loss").asDouble()).isFinite();

    Map<String, NpzReader.Array> written = NpzReader.read(npzRun.resolve("data.npz"));
    double[][] x = written.get("x").rows();
    double[][] dxdt = written.get("dxdt").rows();
    double[] t = written.get("t").values();
    assertThat(x.length).isEqualTo(TRAJECTORIES * SAMPLES);
    assertThat(written.get("trajectory").values()[SAMPLES]).isEqualTo(1); // renumbered 0, 1, ...
    assertThat(java.util.Arrays.stream(written.get("train").values()).sum()).isEqualTo(3 * SAMPLES);

    double worst = 0;
    double worstInterior = 0;
    for (int j = 0; j < TRAJECTORIES; j++) {
      for (int k = 0; k < SAMPLES; k++) {
        int row = j * SAMPLES + k;
        assertThat(x[row]).containsExactly(data.x()[row]);
        double r = Math.hypot(x[row][0], x[row][1]);
        double[] exact = {x[row][1], -x[row][0]}; // (∂H/∂p, −∂H/∂q) = (p, −q)
        // Three-point Lagrange derivative at node t_i with nodes t_a..t_a+2: the remainder is
        // f'''(ξ)/6 · Π_{j≠i}(t_i − t_j), and |q'''|, |p'''| ≤ r on an orbit of radius r. That is
        // r h²/6 inside an even grid, r h²/3 at its ends: O(dt²).
        int a = Math.max(0, Math.min(k - 1, SAMPLES - 3));
        double w = 1;
        for (int m = a; m < a + 3; m++) {
          if (m != k) {
            w *= t[j * SAMPLES + k] - t[j * SAMPLES + m];
          }
        }
        double bound = r / 6 * Math.abs(w) + 1e-12;
        for (int c = 0; c < 2; c++) {
          double err = Math.abs(dxdt[row][c] - exact[c]);
          assertThat(err).as("trajectory %d sample %d component %d", j, k, c).isLessThanOrEqualTo(bound);
          worst = Math.max(worst, err);
          if (j != UNEVEN && k > 0 && k < SAMPLES - 1) {
            // Inside an even grid the central difference of e^{it} is exactly (sin h / h)·(d/dt).
            assertThat(dxdt[row][c]).isCloseTo(Math.sin(H) / H * exact[c], org.assertj.core.data.Offset.offset(1e-12));
            worstInterior = Math.max(worstInterior, err);
          }
        }
      }
    }
    System.out.printf("FD derivative error: max %.3e (bound h^2/3 = %.3e), interior max %.3e "
        + "(h^2/6 = %.3e)%n", worst, H * H / 3, worstInterior, H * H / 6);
    // The derivatives are estimated, not taken from the system: the O(h²) error is visible.
    assertThat(worst).isGreaterThan(H * H / 100);

    // The .csv of the same numbers gives the same dataset (Double.toString round-trips).
    Map<String, NpzReader.Array> fromCsv = NpzReader.read(csvRun.resolve("data.npz"));
    for (String key : List.of("x", "dxdt", "t", "trajectory", "train")) {
      assertThat(fromCsv.get(key).values()).as(key).containsExactly(written.get(key).values());
    }
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("no-x.npz", true, "has no array 'x' (keys: [y, t])"),
        Arguments.of("odd.npz", false, "states have an odd number of columns (3); expected q1..qn then p1..pn"),
        Arguments.of("wide.npz", true, "states have 4 columns but the system has 2n = 2"),
        Arguments.of("short-row.csv", true, "line 3: 3 values, header has 4"),
        Arguments.of("not-a-number.csv", true, "line 4, column 'p1': not a number: 'abc'"),
        Arguments.of("no-trajectory-column.csv", true, "times must increase along a trajectory"),
        Arguments.of("absent.npz", true, "file not found"));
  }

  private void writeBadFile(String name) throws IOException {
    Path file = dir.resolve(name);
    switch (name) {
      case "no-x.npz" -> new NpzWriter().add("y", new int[] {3, 2}, new double[6])
          .add("t", new int[] {3}, new double[] {0, 1, 2}).write(file);
      case "odd.npz", "wide.npz" -> {
        int cols = name.equals("odd.npz") ? 3 : 4;
        new NpzWriter().add("x", new int[] {6, cols}, new double[6 * cols])
            .add("t", new int[] {6}, new double[] {0, 1, 2, 0, 1, 2})
            .add("trajectory", new int[] {6}, new double[] {0, 0, 0, 1, 1, 1}).write(file);
      }
      case "short-row.csv" -> Files.writeString(file, "trajectory,t,q1,p1\n0,0.0,1.0,0.0\n0,0.1,0.9\n");
      case "not-a-number.csv" -> Files.writeString(file,
          "trajectory,t,q1,p1\n0,0.0,1.0,0.0\n0,0.1,0.99,-0.1\n0,0.2,0.98,abc\n");
      case "no-trajectory-column.csv" -> Files.writeString(file,
          "t,q1,p1\n0.0,1,0\n0.1,1,0\n0.2,1,0\n0.0,0.5,0\n0.1,0.5,0\n0.2,0.5,0\n");
      case "absent.npz" -> { }
      default -> throw new AssertionError(name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileIsBadInputNamingTheFileAndTheProblem(String name, boolean withSystem, String problem)
      throws IOException {
    writeBadFile(name);
    Path descriptor = Runs.descriptor(dir, "bad.yaml", descriptor(name, withSystem));
    Cli run = Cli.of("run", descriptor.toString(), "--out", dir.resolve("out").toString(),
        "--no-progress");
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("hamflow: error: ").contains(dir.resolve(name).toString())
        .contains(problem).doesNotContain("internal error").doesNotContain("\tat ");
  }

  /** A run that fails on its data must leave nothing behind: no run folder, no staging folder. */
  @Test
  void badFileLeavesNoRunFolder() throws IOException {
    writeBadFile("no-x.npz");
    Path descriptor = Runs.descriptor(dir, "bad.yaml", descriptor("no-x.npz", true));
    Path runs = dir.resolve("runs");
    Cli run = Cli.of("run", descriptor.toString(), "--runs-dir", runs.toString(), "--no-progress");
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    List<String> left = List.of();
    if (Files.isDirectory(runs)) {
      try (Stream<Path> files = Files.walk(runs)) {
        left = files.filter(p -> !p.equals(runs)).map(p -> runs.relativize(p).toString()).sorted().toList();
      }
    }
    // Today the train job commits its run folder before loading data (so --resume can find
    // it), and a data error leaves the folder with its descriptor.yaml behind.
    assertThat(left).as("left in the runs folder after a data error").isEmpty();
  }
}

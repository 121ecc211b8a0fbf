package hamflow.runtime.nct;

import hamflow.api.integrate.Integrator;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.report.NpzReader;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.train.DataFileException;
import hamflow.runtime.train.DataGenerator;
import hamflow.runtime.train.DataSettings;
import hamflow.runtime.train.DataSource;
import hamflow.runtime.train.Dataset;
import hamflow.runtime.train.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.types.TFloat64;

/**
 * A flow's data in float64: training and test sets, each either trajectories
 * {@code [N][K][2n]} (points at common times) or states {@code [N][1][2n]} (trajectories of one
 * point). Objectives on states see every point of every trajectory.
 */
record FlowData(double[][][] train, double[][][] test) {

  int dimension() {
    return train[0][0].length;
  }

  /** Points per trajectory (1 for plain samples). */
  int points() {
    return train[0].length;
  }

  /** The rows of {@code part}, every point of every trajectory, {@code [N·K][2n]}. */
  static double[][] states(double[][][] part) {
    return Arrays.stream(part).flatMap(Arrays::stream).toArray(double[][]::new);
  }

  /** Loads or generates the data the descriptor asks for; null for source none. */
  static FlowData load(FlowDataSettings d, long seed, HamiltonianSystem system,
      Integrator integrator, Path descriptorDir) {
    return switch (d.source()) {
      case NONE -> null;
      case GENERATE -> generate(d, seed, system);
      case BOLTZMANN -> boltzmann(d, system, integrator, seed);
      case FILE -> file(descriptorDir.resolve(d.file()), d.trainFraction(),
          system == null ? 0 : system.degreesOfFreedom(), d.momentumTemperature(), seed);
    };
  }

  /** Checks that the data suit what the objective reads. */
  void check(ObjectiveData wanted) {
    if (wanted == ObjectiveData.TRAJECTORIES && points() < 2) {
      throw new IllegalArgumentException("the objective reads trajectories, but the data are "
          + "single states; use source generate, or a file whose x is [N, K, 2n]");
    }
  }

  private static FlowData generate(FlowDataSettings d, long seed, HamiltonianSystem system) {
    DataSettings settings = new DataSettings(DataSource.GENERATE, null, d.trajectories(), d.tEnd(),
        d.samples(), 0.0, d.trainFraction(), DataSettings.Generator.REFERENCE, 0.01,
        d.tolerance(), 1.0, 1);
    Dataset data = DataGenerator.generate(system, settings, seed, null);
    return new FlowData(paths(data.train()), paths(data.test()));
  }

  private static double[][][] paths(List<Trajectory> list) {
    return list.stream().map(Trajectory::x).toArray(double[][][]::new);
  }

  /**
   * Boltzmann samples: independent chains of the stochastic integrator from the system's
   * sampler, a burn-in, then {@code samples} states {@code every} steps apart per chain. The
   * first share of chains trains, so test samples are independent of training ones.
   */
  private static FlowData boltzmann(
      FlowDataSettings d, HamiltonianSystem system, Integrator integrator, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] start = new double[d.trajectories()][];
    for (int i = 0; i < start.length; i++) {
      start[i] = system.sampleInitialState(random);
    }
    double[][][] chains;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Simulator<TFloat64> sim = new Simulator<>(g, system, integrator);
      double[][] burnt = start;
      if (d.burnIn() > 0) {
        double[][][] warm = sim.run(start, d.dt(), d.burnIn(), d.burnIn(), k -> {}).states();
        burnt = Arrays.stream(warm).map(path -> path[path.length - 1]).toArray(double[][]::new);
      }
      chains = sim.run(burnt, d.dt(), d.every() * (d.samples() - 1), d.every(), k -> {}).states();
    }
    int train = split(chains.length, d.trainFraction());
    return new FlowData(samples(chains, 0, train), samples(chains, train, chains.length));
  }

  /** Each kept state of chains {@code [from, to)} as its own one-point "trajectory". */
  private static double[][][] samples(double[][][] chains, int from, int to) {
    return Arrays.stream(chains, from, to).flatMap(Arrays::stream)
        .map(x -> new double[][] {x}).toArray(double[][][]::new);
  }

  private static int split(int count, double fraction) {
    return Math.max(1, Math.min(count - 1, (int) Math.round(count * fraction)));
  }

  /**
   * {@code momentumTemperature} non-null: the file holds coordinates only ({@code n} columns)
   * and each state gets momenta drawn from Maxwell–Boltzmann at that kT (unit masses).
   */
  private static FlowData file(Path file, double trainFraction, int degreesOfFreedom,
      Double momentumTemperature, long seed) {
    if (!Files.isRegularFile(file)) {
      throw new DataFileException(file, "no such data file");
    }
    Map<String, NpzReader.Array> arrays;
    try {
      arrays = NpzReader.read(file);
    } catch (IOException | RuntimeException e) {
      throw new DataFileException(file, "not a readable .npz file (" + e.getMessage() + ")");
    }
    NpzReader.Array x = arrays.get("x");
    if (x == null) {
      throw new DataFileException(file, "no array 'x' (found: " + arrays.keySet() + ")");
    }
    long[] shape = x.shape();
    if (shape.length != 2 && shape.length != 3) {
      throw new DataFileException(file, "x has shape " + Arrays.toString(shape)
          + "; expected [N, 2n] states or [N, K, 2n] trajectories");
    }
    int count = (int) shape[0];
    int points = shape.length == 3 ? (int) shape[1] : 1;
    int columns = (int) shape[shape.length - 1];
    if (momentumTemperature != null) {
      if (degreesOfFreedom > 0 && columns != degreesOfFreedom) {
        throw new DataFileException(file, "x has " + columns + " columns; with "
            + "momentum-temperature it holds the system's " + degreesOfFreedom + " coordinates only");
      }
      double[][][] all = read(file, x, count, points, columns, shape.length == 3);
      SplittableRandom random = new SplittableRandom(seed + 11);
      double scale = Math.sqrt(momentumTemperature);
      double[][][] full = new double[count][points][2 * columns];
      for (int i = 0; i < count; i++) {
        for (int k = 0; k < points; k++) {
          System.arraycopy(all[i][k], 0, full[i][k], 0, columns);
          for (int c = 0; c < columns; c++) {
            full[i][k][columns + c] = scale * random.nextGaussian();
          }
        }
      }
      int train = split(count, trainFraction);
      return new FlowData(Arrays.copyOfRange(full, 0, train),
          Arrays.copyOfRange(full, train, count));
    }
    int dim = columns;
    if (dim % 2 != 0 || (degreesOfFreedom > 0 && dim != 2 * degreesOfFreedom)) {
      throw new DataFileException(file, "x has " + dim + " columns; expected "
          + (degreesOfFreedom > 0 ? 2 * degreesOfFreedom + " (q then p of the system's "
              + degreesOfFreedom + " coordinates)" : "an even number (q then p)"));
    }
    if (count < 2) {
      throw new DataFileException(file, "x holds " + count + " rows; need at least 2 "
          + "(some train, some test)");
    }
    double[][][] all = read(file, x, count, points, dim, shape.length == 3);
    int train = split(count, trainFraction);
    return new FlowData(Arrays.copyOfRange(all, 0, train), Arrays.copyOfRange(all, train, count));
  }

  /** The values of x as {@code [count][points][dim]}, every one finite. */
  private static double[][][] read(Path file, NpzReader.Array x, int count, int points, int dim,
      boolean trajectories) {
    double[][][] all = new double[count][points][dim];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < points; k++) {
        for (int c = 0; c < dim; c++) {
          double v = x.values()[(i * points + k) * dim + c];
          if (!Double.isFinite(v)) {
            throw new DataFileException(file, "x[" + i + (trajectories ? ", " + k : "")
                + ", " + c + "] is " + v);
          }
          all[i][k][c] = v;
        }
      }
    }
    return all;
  }
}

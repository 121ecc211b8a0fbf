package hamflow.runtime.train;

import hamflow.api.loss.Loss;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.Precision;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Times Hamflow's HNN training step exactly as {@code job: train} runs it (the same
 * {@link Trainer}, float32, full batch, Adam with weight decay), and the machine's float32
 * matrix-multiply rate through TensorFlow, for {@code hamflow bench}.
 */
public final class HnnBenchmark {
  private HnnBenchmark() {}

  /**
   * Matmul FLOPs of one HNN step (forward, input gradient, and its backward to the weights) for
   * an MLP {@code d → h → h → 1}: the accounting of the PyTorch reference, so rates compare.
   */
  public static double stepFlops(int batch, int hidden) {
    double b = batch;
    double h = hidden;
    int d = 2;
    return 12 * b * h * h + 2 * b * (d * h + h) + 2 * b * (h + h * d) + 2 * b * (h + 4 * h * d);
  }

  /** The spring task's training set (the example's data), for the spring configuration. */
  public static Dataset springData(HamiltonianSystem massSpring) {
    DataSettings d = new DataSettings(DataSource.GENERATE, null, 50, 3.0, 30, 0.1, 0.5,
        DataSettings.Generator.REFERENCE, 0.01, 1e-10, 1.5, 50);
    return DataGenerator.generate(massSpring, d, 0);
  }

  /** {@code batch} standard-normal states and targets, as the reference's sweep uses. */
  public static Dataset randomData(int batch, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[batch][2];
    double[][] y = new double[batch][2];
    for (int i = 0; i < batch; i++) {
      for (int c = 0; c < 2; c++) {
        x[i][c] = r.nextGaussian();
        y[i][c] = r.nextGaussian();
      }
    }
    Trajectory train = new Trajectory(new double[batch], x, y);
    Trajectory test = new Trajectory(new double[1], new double[][] {x[0]}, new double[][] {y[0]});
    return new Dataset(List.of(train), List.of(test));
  }

  /** Seconds per training step of {@code model} on the full training set of {@code data}. */
  public static double secondsPerStep(Model model, Loss loss, Dataset data, int steps) {
    DataSettings d = new DataSettings(DataSource.GENERATE, null, 2, 3.0, 30, 0, 0.5,
        DataSettings.Generator.REFERENCE, 0.01, 1e-10, 1.5, 50);
    TrainingSettings t = new TrainingSettings(steps, 1e-3, 1e-4, 0, steps, 0);
    try (TfGraph<TFloat32> g = TfGraph.create(TFloat32.class)) {
      Trainer<TFloat32> trainer = new Trainer<>(g, new Trainer.Setup("model", model, loss,
          Optional.empty(), null, data, d, t, 0));
      return trainer.run(0, null, new LossHistory(), k -> {}, l -> {},
          (step, state, h) -> {}).secondsPerStep();
    }
  }

  /** The best float32 rate of an {@code n × n} by {@code n × n} product, in GFLOP/s. */
  public static double sgemmGflops(int n, int repeats) {
    try (TfGraph<TFloat32> g = TfGraph.create(TFloat32.class)) {
      SplittableRandom r = new SplittableRandom(1);
      double[] v = new double[n * n];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextGaussian();
      }
      Operand<TFloat32> a;
      try (Tensor t = Tensors.of(TFloat32.class, Shape.of(n, n), v)) {
        a = g.tf().constantOf((TFloat32) t);
      }
      // Multiply a variable-free input by itself; fetch a scalar so the copy out is negligible.
      Operand<TFloat32> x = g.placeholder();
      Operand<TFloat32> y = g.tf().sum(g.tf().linalg.matMul(x, a), g.tf().constant(new int[] {0, 1}));
      double best = Double.MAX_VALUE;
      try (Tensor in = Tensors.of(TFloat32.class, Shape.of(n, n), v)) {
        for (int k = 0; k < repeats + 1; k++) {
          long t0 = System.nanoTime();
          try (Result res = g.session().runner().feed(x, in).fetch(y).run()) {
            res.get(0);
          }
          if (k > 0) {
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      return 2.0 * n * n * n / best / 1e9;
    }
  }

  /** The precision the benchmark trains in (the peers train in float32). */
  public static Precision precision() {
    return Precision.FLOAT32;
  }
}

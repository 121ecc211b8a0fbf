package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.train.FrozenVariables;
import hamflow.runtime.train.SavedModelExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * The exported SavedModel computes the trained model: its {@code vector_field} and
 * {@code hamiltonian} signatures agree with the same model rebuilt in Java from the final
 * checkpoint.
 */
class SavedModelRoundTripTest {
  // Both graphs run the same float32 ops on the same constants; only op fusion or summation
  // order may differ, a few float32 ulps (6e-8 each) through three layers.
  private static final double REL = 1e-6;
  private static final int STEPS = 30;

  @TempDir Path dir;

  private static String descriptor(String model) {
    return """
        name: saved-model
        job: train
        dtype: float32
        seed: 3
        system:
          type: harmonic-oscillator
        data:
          trajectories: 4
          t-end: 2.0
          samples: 11
        model: %s
        training:
          steps: %d
          learning-rate: 1.0e-2
        evaluation:
          states: 2
          t-end: 1.0
          points: 5
        """.formatted(model, STEPS);
  }

  @Test
  void hnnSignaturesMatchTheModelRebuiltFromItsCheckpoint() throws IOException {
    Path run = Runs.run(Runs.descriptor(dir, "hnn.yaml",
        descriptor("{type: hnn, width: 16, depth: 2}")), dir.resolve("run"));
    double[][] states = states(13);
    Map<String, double[]> weights =
        Runs.checkpointWeights(run.resolve("checkpoints/model-step-" + STEPS + ".npz"));
    assertThat(weights.keySet()).containsExactlyInAnyOrder("hnn/layer1/kernel", "hnn/layer1/bias",
        "hnn/layer2/kernel", "hnn/layer2/bias", "hnn/layer3/kernel");

    double[] javaField;
    double[] javaH;
    try (TfGraph<TFloat32> g = TfGraph.create(TFloat32.class)) {
      LearnedField<TFloat32> f = MlpGradientTest.model("hnn", "width: 16, depth: 2")
          .build(new FrozenVariables<>(g, weights, ""), 1);
      Operand<TFloat32> x = g.placeholder();
      List<double[]> r = Eval.run(g, x, states, f.timeDerivative(x), f.hamiltonian(x).orElseThrow());
      javaField = r.get(0);
      javaH = r.get(1);
    }

    try (SavedModelBundle bundle = SavedModelBundle.load(run.resolve("saved-model").toString(), "serve")) {
      assertThat(bundle.signatures().stream().map(Signature::key))
          .contains(SavedModelExport.FIELD, SavedModelExport.HAMILTONIAN);
      double[] field = call(bundle, SavedModelExport.FIELD, "dxdt", states, new long[] {13, 2});
      double[] h = call(bundle, SavedModelExport.HAMILTONIAN, "H", states, new long[] {13});
      assertThat(Runs.maxAbs(field)).as("trained field is not trivially zero").isGreaterThan(1e-3);
      assertThat(Runs.maxAbsDiff(field, javaField)).isLessThanOrEqualTo(REL * Runs.maxAbs(javaField));
      assertThat(Runs.maxAbsDiff(h, javaH)).isLessThanOrEqualTo(REL * Math.max(1, Runs.maxAbs(javaH)));
      System.out.printf("round trip: field max diff %.3e (max |f| %.3f), H max diff %.3e%n",
          Runs.maxAbsDiff(field, javaField), Runs.maxAbs(javaField), Runs.maxAbsDiff(h, javaH));
    }
  }

  @Test
  void baselineExportsTheFieldOnly() throws IOException {
    Path run = Runs.run(Runs.descriptor(dir, "baseline.yaml",
        descriptor("{type: baseline, width: 8, depth: 1}")), dir.resolve("run"));
    double[][] states = states(5);
    Map<String, double[]> weights =
        Runs.checkpointWeights(run.resolve("checkpoints/model-step-" + STEPS + ".npz"));
    Model baseline = MlpGradientTest.model("baseline", "width: 8, depth: 1");
    double[] javaField;
    try (TfGraph<TFloat32> g = TfGraph.create(TFloat32.class)) {
      LearnedField<TFloat32> f = baseline.build(new FrozenVariables<>(g, weights, ""), 1);
      assertThat(f.hamiltonian(g.placeholder())).isEmpty();
      Operand<TFloat32> x = g.placeholder();
      javaField = Eval.run(g, x, states, f.timeDerivative(x)).get(0);
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(run.resolve("saved-model").toString(), "serve")) {
      assertThat(bundle.signatures().stream().map(Signature::key))
          .contains(SavedModelExport.FIELD).doesNotContain(SavedModelExport.HAMILTONIAN);
      double[] field = call(bundle, SavedModelExport.FIELD, "dxdt", states, new long[] {5, 2});
      assertThat(Runs.maxAbsDiff(field, javaField)).isLessThanOrEqualTo(REL * Runs.maxAbs(javaField));
    }
    assertThat(Files.isDirectory(run.resolve("saved-model"))).isTrue();
  }

  private static double[] call(SavedModelBundle bundle, String signature, String output,
      double[][] states, long[] shape) {
    try (Tensor in = Tensors.matrix(TFloat32.class, states);
        Result out = bundle.function(signature).call(Map.of("x", in))) {
      Tensor t = out.get(output).orElseThrow(() -> new AssertionError(
          signature + " has no output '" + output + "': " + out.keySet()));
      assertThat(t.shape().asArray()).containsExactly(shape);
      return Tensors.flat(t);
    }
  }

  /** Phase-space states spread over the training range and a little beyond. */
  private static double[][] states(int count) {
    return MlpGradientTest.randomStates(new SplittableRandom(17), count, 2, 1.2);
  }
}

package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After training on data, zero-center's running mean is the mean over all the training data at
 * the final weights, not an average lagging them by ~100 steps (momentum 0.99): the flow that is
 * evaluated and exported centres its latent planes where training did. Stack
 * {@code z = D x − μ}, {@code D = diag(√ω, 1/√ω)}, on orbits centred at (3, −2); after 20
 * Adam steps a momentum average would hold under a fifth of μ.
 */
class RunningAverageCalibrationTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "L-BFGS steps {0}")
  @ValueSource(ints = {0, 30})
  void zeroCentersMeanIsThatOfTheTrainingDataAtTheFinalWeights(int lbfgs) throws IOException {
    FlowRuns.offCentreOrbits(dir.resolve("orbits.npz"), 20, 16, 5);
    Path file = FlowRuns.descriptor(dir, "calibrated.yaml", """
        name: calibrated
        job: flow
        dtype: float64
        seed: 3
        data: {source: file, file: orbits.npz}
        layers:
          - {type: diagonal-scaling}
          - {type: zero-center, learned-shift: false}
        objective: {type: integrability}
        training: {steps: 20, learning-rate: 1.0e-2, batch-size: 8, lbfgs-steps: %d}
        """.formatted(lbfgs));
    Path run = FlowRuns.run(file, dir.resolve("run-" + lbfgs));
    Map<String, NpzReader.Array> end =
        NpzReader.read(run.resolve("checkpoints/flow-step-" + (20 + lbfgs) + ".npz"));
    double omega = Math.exp(end.get("flow/layer0/log-omega").values()[0]);
    double[] train = NpzReader.read(run.resolve("data.npz")).get("x_train").values();
    double q = 0;
    double p = 0;
    int states = train.length / 2;
    for (int i = 0; i < states; i++) {
      q += train[2 * i] / states;
      p += train[2 * i + 1] / states;
    }
    double[] mean = end.get("flow/layer1/mean").values();
    assertThat(mean[0]).as("mean of sqrt(omega) q").isCloseTo(Math.sqrt(omega) * q, within(1e-12));
    assertThat(mean[1]).as("mean of p / sqrt(omega)")
        .isCloseTo(p / Math.sqrt(omega), within(1e-12));
    assertThat(Math.abs(mean[0])).isGreaterThan(2); // far from where a lagging average would be
  }
}

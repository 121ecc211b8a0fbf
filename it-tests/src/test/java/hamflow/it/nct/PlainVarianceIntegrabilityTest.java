package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrability} with {@code relative: false} minimises the plain variance of the latent
 * actions along trajectories (no division by the mean action, so moving a latent plane off the
 * origin raises the loss instead of lowering it). On the oscillator {@code H = p²/2 + 2q²} a
 * diagonal scaling {@code Q = √w q}, {@code P = p/√w} gives {@code I = (w q² + p²/w)/2}, constant
 * along every orbit only at {@code w = ω = 2}; the plain variance finds it as the relative one does.
 */
class PlainVarianceIntegrabilityTest {
  @TempDir Path dir;

  @Test
  void plainVarianceFindsTheExactAction() throws IOException {
    Path file = FlowRuns.descriptor(dir, "plain.yaml", """
        name: plain-variance
        job: flow
        dtype: float64
        seed: 1
        system: {type: harmonic-oscillator, spring-constant: 4.0}
        data: {source: generate, trajectories: 40, t-end: 3.0, samples: 30}
        layers:
          - {type: diagonal-scaling}
        objective: {type: integrability, relative: false}
        training: {steps: 600, learning-rate: 2.0e-2, final-learning-rate: 2.0e-3, batch-size: 16}
        """);
    Path run = FlowRuns.run(file, dir.resolve("run"));
    JsonNode m = FlowRuns.metrics(run);
    // Untrained (w = 1) the latent is the state itself: the reported loss is the plain variance
    // of (q² + p²)/2 along the held-out trajectories, not the relative one.
    NpzReader.Array test = NpzReader.read(run.resolve("data.npz")).get("x_test");
    int trajectories = (int) test.shape()[0];
    int points = (int) test.shape()[1];
    double plain = 0;
    double relative = 0;
    for (int i = 0; i < trajectories; i++) {
      double[] action = new double[points];
      for (int t = 0; t < points; t++) {
        double q = test.values()[2 * (i * points + t)];
        double p = test.values()[2 * (i * points + t) + 1];
        action[t] = (q * q + p * p) / 2;
      }
      double mean = Arrays.stream(action).average().orElseThrow();
      double variance = Arrays.stream(action).map(v -> (v - mean) * (v - mean)).average()
          .orElseThrow();
      plain += variance / trajectories;
      relative += variance / (mean * mean + 1e-8) / trajectories;
    }
    double untrainedLoss = m.get("untrained").get("loss").asDouble();
    assertThat(untrainedLoss).isCloseTo(plain, within(1e-9 * plain));
    assertThat(untrainedLoss).isNotCloseTo(relative, within(0.1 * relative));
    JsonNode a = m.get("actions");
    double spread = a.get("max-latent-spread").asDouble();
    double untrainedSpread = a.get("untrained-max-latent-spread").asDouble();
    System.out.printf("[plain-variance] spread %.3g (untrained %.3g)%n", spread, untrainedSpread);
    assertThat(untrainedSpread).isGreaterThan(0.1);
    assertThat(spread).isLessThan(1e-6);
    assertThat(a.get("max-latent-offset").asDouble()).isLessThan(0.1);
  }
}

package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ∂K/∂φ} objective finds the exact action of an oscillator of frequency ω = 2
 * ({@code H = p²/2 + 2q²}) from states alone: with a diagonal scaling {@code Q = √w q},
 * {@code P = p/√w}, the latent action {@code I = (w q² + p²/w)/2} has
 * {@code dI/dt = qp (w − 4/w)}, zero only at {@code w = ω = 2}, where I = H/ω is conserved along
 * every orbit. Untrained (w = 1) it swings by tens of per cent along each orbit.
 */
class AngleDerivativeTest {
  @TempDir Path dir;

  @Test
  void learnsTheActionOfAnOscillatorFromStates() throws IOException {
    Path file = FlowRuns.descriptor(dir, "angle.yaml", """
        name: angle-derivative
        job: flow
        dtype: float64
        seed: 1
        system: {type: harmonic-oscillator, spring-constant: 4.0}
        data: {source: generate, trajectories: 40, t-end: 3.0, samples: 30}
        layers:
          - {type: diagonal-scaling}
        objective: {type: angle-derivative}
        training: {steps: 600, learning-rate: 2.0e-2, final-learning-rate: 2.0e-3, batch-size: 64}
        """);
    JsonNode m = FlowRuns.metrics(FlowRuns.run(file, dir.resolve("run")));
    double trained = m.get("trained").get("angle-derivative").asDouble();
    double untrained = m.get("untrained").get("angle-derivative").asDouble();
    JsonNode a = m.get("actions");
    double spread = a.get("max-latent-spread").asDouble();
    double untrainedSpread = a.get("untrained-max-latent-spread").asDouble();
    System.out.printf("[angle-derivative] rate %.3g (untrained %.3g), spread %.3g (untrained %.3g)%n",
        trained, untrained, spread, untrainedSpread);
    // At w = 1 the rate is 3|qp| against I ~ (q² + p²)/2: of order 1 per unit time.
    assertThat(untrained).isGreaterThan(0.5);
    assertThat(untrainedSpread).isGreaterThan(0.1);
    // w converges to ω: measured rate 1e-11 and spread 3e-10 (the central difference alone
    // leaves ~1e-10); the rate is linear in w − ω, so 1e-6 means w within ~1e-6 of 2.
    assertThat(trained).isLessThan(1e-6);
    assertThat(spread).isLessThan(1e-6);
    // Each test orbit (t ≤ 3 of a period π) goes round the origin: the mean of its latent points
    // is |e^{6i} − 1|/6 ≈ 0.05 of its radius, not an arc far from the origin.
    assertThat(a.get("max-latent-offset").asDouble()).isLessThan(0.1);
  }
}

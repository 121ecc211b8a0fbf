package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Density estimation end to end on the oscillator {@code H = p²/2 + 2q²} (ω = 2) at kT = 1:
 * Boltzmann samples drawn by the Langevin thermostat, a Real NVP flow fitted by maximum
 * likelihood, and the report's exact entropy by quadrature. The Boltzmann density is Gaussian,
 * so its entropy is known in closed form, {@code S = 1 + ln(2π kT/ω)}: the quadrature must match
 * it, and the trained flow's held-out NLL must come within 0.05 nats of the exact density's NLL
 * on the same samples (the ring2d target).
 */
class BoltzmannLikelihoodTest {
  @TempDir Path dir;

  @Test
  void fitsTheBoltzmannDensityToTheExactEntropy() throws IOException {
    Path file = FlowRuns.descriptor(dir, "oscillator.yaml", """
        name: oscillator-density
        job: flow
        dtype: float64
        seed: 3
        system: {type: harmonic-oscillator, mass: 1.0, spring-constant: 4.0}
        integrator: {type: langevin-baoab, friction: 2.0, temperature: 1.0, seed: 5}
        data: {source: boltzmann, trajectories: 400, burn-in: 500, samples: 25, every: 100, dt: 0.01}
        layers:
          - {type: affine-coupling, mask: q, width: 8}
          - {type: affine-coupling, mask: p, width: 8}
        objective: {type: likelihood}
        training: {steps: 1500, learning-rate: 1.0e-2, final-learning-rate: 1.0e-3, batch-size: 500}
        evaluation: {reference-beta: 1.0}
        """);
    JsonNode m = FlowRuns.metrics(FlowRuns.run(file, dir.resolve("run")));
    double exact = 1 + Math.log(2 * Math.PI / 2.0);
    double quadrature = m.get("exact-entropy").asDouble();
    double nll = m.get("trained").get("nll").asDouble();
    System.out.printf("[density] entropy exact %.5f quadrature %.5f; test NLL trained %.4f "
        + "untrained %.4f%n", exact, quadrature, nll, m.get("untrained").get("nll").asDouble());
    // 600 midpoints over a box of twice the samples' span: the Gaussian's tails beyond ~4σ and
    // the midpoint error are both far below 1e-4.
    assertThat(quadrature).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-4));
    // The excess is the model's NLL minus the exact density's NLL on the same 2 000 test
    // samples, so their sampling error (~0.02 nats in each) largely cancels: a fitted flow is
    // within 0.05, and cannot beat the exact density by more than its overfitting, ~0.01.
    double excess = m.get("nll-excess").asDouble();
    System.out.printf("[density] exact NLL on the test samples %.4f, excess %.4f%n",
        m.get("exact-nll").asDouble(), excess);
    assertThat(excess).isLessThan(0.05).isGreaterThan(-0.02);
    assertThat(m.get("untrained").get("nll").asDouble()).isGreaterThan(nll + 0.1);
  }
}

package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.runtime.report.NpzReader;
import hamflow.runtime.report.NpzWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data that give only coordinates (molecular samples, say) get momenta from Maxwell–Boltzmann:
 * q ~ N(0, kT/k) for the oscillator with k = 4 written to an .npz, momenta drawn at kT = 1 by
 * the runtime; the momenta have variance kT, and a flow fitted by likelihood lands on the exact
 * Boltzmann density of the completed samples (NLL excess within 0.05 nats).
 */
class CoordinateOnlyDataTest {
  @TempDir Path dir;

  @Test
  void momentaAreDrawnAtTheGivenTemperature() throws IOException {
    int count = 4000;
    double[] q = new double[count];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < count; i++) {
      q[i] = 0.5 * random.nextGaussian(); // kT/k = 1/4
    }
    new NpzWriter().add("x", new int[] {count, 1}, q).write(dir.resolve("q.npz"));
    Path file = FlowRuns.descriptor(dir, "q-only.yaml", """
        name: q-only
        job: flow
        dtype: float64
        system: {type: harmonic-oscillator, mass: 1.0, spring-constant: 4.0}
        data: {source: file, file: q.npz, momentum-temperature: 1.0}
        layers:
          - {type: affine-coupling, mask: q, width: 8}
          - {type: affine-coupling, mask: p, width: 8}
        objective: {type: likelihood}
        training: {steps: 1500, learning-rate: 1.0e-2, final-learning-rate: 1.0e-3, batch-size: 500}
        evaluation: {reference-beta: 1.0}
        """);
    Path run = FlowRuns.run(file, dir.resolve("run"));
    double[] x = NpzReader.read(run.resolve("data.npz")).get("x_train").values();
    double sum = 0;
    for (int i = 1; i < x.length; i += 2) {
      sum += x[i] * x[i];
    }
    double variance = sum / (x.length / 2);
    // 3 200 draws: the variance's standard error is √(2/3200) = 0.025; allow 4 of them.
    assertThat(variance).as("⟨p²⟩").isBetween(0.9, 1.1);
    JsonNode m = FlowRuns.metrics(run);
    System.out.printf("[q-only] <p^2> %.4f, NLL excess %.4f%n", variance,
        m.get("nll-excess").asDouble());
    assertThat(Math.abs(m.get("nll-excess").asDouble())).isLessThan(0.05);
  }
}

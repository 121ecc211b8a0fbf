package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free-energy} with {@code moment-matched: true} draws every batch with the prior's exact
 * mean and covariance. For a linear map (diagonal scaling) and a quadratic H (an oscillator) the
 * per-sample loss and its path-derivative gradient are quadratic in the draws, so the batch
 * averages equal their expectations: the whole training history no longer depends on which
 * normal numbers were drawn — two seeds give the same loss at every step. Plain draws do not.
 */
class MomentMatchedDrawsTest {
  @TempDir Path dir;

  @Test
  void aLinearMapOnAQuadraticHamiltonianTrainsTheSameWhateverTheDraws() throws IOException {
    double[] a = history(true, 1);
    double[] b = history(true, 2);
    assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(10);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).as("loss at logged step %d", i)
          .isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(a[i]))));
    }
    // Without moment matching the draws show in the loss.
    double[] c = history(false, 1);
    double[] d = history(false, 2);
    double largest = 0;
    for (int i = 0; i < c.length; i++) {
      largest = Math.max(largest, Math.abs(c[i] - d[i]));
    }
    assertThat(largest).isGreaterThan(1e-3);
  }

  @Test
  void tooSmallABatchIsRefusedWithTheBound() throws IOException {
    Path file = descriptor(true, 1, 2, "small");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> FlowRuns.run(file, dir.resolve("small")))).hasMessageContaining("objective: moment-matched draws need training.batch-size above 2n = 2");
  }

  private double[] history(boolean matched, int seed) throws IOException {
    String name = "h-" + matched + "-" + seed;
    Path run = FlowRuns.run(descriptor(matched, seed, 16, name), dir.resolve(name));
    Path checkpoint;
    try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
      checkpoint = files.filter(p -> p.toString().endsWith(".npz")).findFirst().orElseThrow();
    }
    NpzReader.Array h = NpzReader.read(checkpoint).get("_history");
    int columns = (int) h.shape()[1];
    double[] loss = new double[(int) h.shape()[0]];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = h.values()[i * columns + 1]; // columns: step, loss, ...
    }
    return loss;
  }

  private Path descriptor(boolean matched, int seed, int batch, String name) throws IOException {
    return FlowRuns.descriptor(dir, name + ".yaml", """
        name: moment-matched
        job: flow
        dtype: float64
        seed: %d
        system: {type: harmonic-oscillator, spring-constant: 4.0}
        layers:
          - {type: diagonal-scaling}
        objective: {type: free-energy, prior: latent-harmonic, moment-matched: %s}
        training: {steps: 200, learning-rate: 1.0e-2, batch-size: %d, log-every: 10}
        evaluation: {samples: 100}
        """.formatted(seed, matched, batch));
  }
}

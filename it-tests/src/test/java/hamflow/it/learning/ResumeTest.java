package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hamflow run --resume}: a run interrupted after its step-50 checkpoint and resumed ends
 * exactly where the uninterrupted run ends. Adam's moments and step counter are in the
 * checkpoint, and TF's CPU kernels are deterministic for a fixed graph and thread pool, so the
 * comparison is exact (bit for bit), not within a tolerance.
 */
class ResumeTest {
  private static final int STEPS = 100;

  @TempDir Path dir;

  private static String descriptor(int batchSize) {
    return """
        name: resume
        job: train
        dtype: float32
        seed: 5
        system:
          type: harmonic-oscillator
        data:
          trajectories: 6
          t-end: 3.0
          samples: 16
          noise: 0.05
        model:
          type: hnn
          width: 16
          depth: 2
        training:
          steps: %d
          learning-rate: 1.0e-2
          batch-size: %d
          log-every: 10
          checkpoint-every: 50
        evaluation:
          states: 2
          t-end: 1.0
          points: 5
        """.formatted(STEPS, batchSize);
  }

  @Test
  void resumedFullBatchRunEqualsTheUninterruptedRun() throws IOException {
    assertResumeIsExact(0);
  }

  /**
   * With minibatches the batch indices come from a seeded random op; a resumed run must draw
   * the indices the uninterrupted run drew from step 50 on, not restart the stream.
   */
  @Test
  void resumedMinibatchRunEqualsTheUninterruptedRun() throws IOException {
    assertResumeIsExact(16);
  }

  private void assertResumeIsExact(int batchSize) throws IOException {
    Path descriptor = Runs.descriptor(dir, "resume.yaml", descriptor(batchSize));
    Path full = dir.resolve("full");
    Cli first = Cli.of("run", descriptor.toString(), "--out", full.toString(), "--no-progress");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(Runs.list(full.resolve("checkpoints")))
        .containsExactly("model-step-100.npz", "model-step-50.npz");

    // An interruption between the step-50 checkpoint and the end.
    Path copy = dir.resolve("interrupted");
    Runs.copyTree(full, copy);
    Files.delete(copy.resolve("checkpoints/model-step-100.npz"));
    Files.delete(copy.resolve("metrics.json"));

    Cli resumed = Cli.of("run", "--resume", copy.toString(), "--no-progress");
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(copy.resolve("metrics.json")).isRegularFile();

    Map<String, double[]> a = Runs.checkpointState(full.resolve("checkpoints/model-step-100.npz"));
    Map<String, double[]> b = Runs.checkpointState(copy.resolve("checkpoints/model-step-100.npz"));
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    assertThat(a.keySet()).contains("adam/step", "hnn/layer1/kernel", "_history");
    List<String> differing = new ArrayList<>();
    double worst = 0;
    for (String key : a.keySet()) {
      double d = Runs.maxAbsDiff(a.get(key), b.get(key));
      worst = Math.max(worst, d);
      if (d != 0) {
        differing.add(key + " (max |diff| " + d + ")");
      }
    }
    System.out.printf("resume (batch %d): max |weights diff| %.3e%n", batchSize, worst);
    assertThat(differing).as("variables of the resumed run that differ").isEmpty();
    assertThat(b.get("adam/step")).containsExactly(STEPS);

    // The loss curve continues from step 50: the logged steps once each, values unchanged.
    List<String> fullCsv = Files.readAllLines(full.resolve("loss.csv"));
    List<String> resumedCsv = Files.readAllLines(copy.resolve("loss.csv"));
    assertThat(resumedCsv.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[1])))
        .containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99);
    assertThat(resumedCsv).containsExactlyElementsOf(fullCsv);

    JsonNode ma = Runs.metrics(full);
    JsonNode mb = Runs.metrics(copy);
    assertThat(mb.at("/model/final_test_loss").asDouble())
        .isEqualTo(ma.at("/model/final_test_loss").asDouble());
    assertThat(mb.at("/model/energy_mse").asDouble()).isEqualTo(ma.at("/model/energy_mse").asDouble());
  }
}

package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hamflow run --resume} for flows: a run interrupted after its step-50 checkpoint and
 * resumed from the run folder's own {@code descriptor.yaml} ends bit for bit where the
 * uninterrupted run ends — Adam's state, the step counter (which seeds the minibatches) and the
 * running averages of zero-center (updated from the data batches) are all in the checkpoint.
 */
class FlowResumeTest {
  @TempDir Path dir;

  @Test
  void resumedRunEqualsTheUninterruptedRun() throws IOException {
    Path file = FlowRuns.descriptor(dir, "resume.yaml", """
        name: flow-resume
        job: flow
        dtype: float64
        seed: 2
        system: {type: harmonic-chain, sites: 2}
        layers:
          - {type: zero-center}
          - {type: symplectic-shear-p, width: 8}
          - {type: linear-symplectic}
        integrator: {type: langevin-baoab, seed: 4}
        data: {source: boltzmann, trajectories: 20, burn-in: 100, samples: 10, every: 10}
        objective: {type: likelihood, prior: latent-harmonic}
        training: {steps: 100, learning-rate: 1.0e-2, batch-size: 64, checkpoint-every: 50}
        evaluation: {samples: 100}
        """);
    Path full = FlowRuns.run(file, dir.resolve("full"));
    Path copy = dir.resolve("interrupted");
    copyTree(full, copy);
    Files.delete(copy.resolve("checkpoints/flow-step-100.npz"));
    Files.delete(copy.resolve("metrics.json"));

    Experiment.load(copy.resolve("descriptor.yaml"), FlowRuns.REGISTRY, false).resume(copy);

    Map<String, double[]> a = state(full.resolve("checkpoints/flow-step-100.npz"));
    Map<String, double[]> b = state(copy.resolve("checkpoints/flow-step-100.npz"));
    assertThat(a.keySet()).contains("adam/step", "objective/log-omega", "flow/layer0/mean");
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    for (String key : a.keySet()) {
      assertThat(b.get(key)).as(key).containsExactly(a.get(key));
    }
    // The running average moved: it is updated by training, not trained or left at zero.
    assertThat(Arrays.stream(a.get("flow/layer0/mean")).map(Math::abs).max().orElse(0))
        .isGreaterThan(0);
    assertThat(copy.resolve("metrics.json")).isRegularFile();
  }

  private static Map<String, double[]> state(Path checkpoint) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    NpzReader.read(checkpoint).forEach((k, v) -> out.put(k, v.values()));
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

package hamflow.it.nct;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.it.learning.Runs;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Flow runs for the tests: descriptors written to disk, run in-process, metrics read back, all
 * through the learning tests' {@link Runs}.
 */
final class FlowRuns {
  /** The bundled plugins as the runtime discovers them: {@link Runs#REGISTRY}. */
  static final PluginRegistry REGISTRY = Runs.REGISTRY;

  private FlowRuns() {}

  /** Writes {@code yaml} to {@code dir/file} and returns the path. */
  static Path descriptor(Path dir, String file, String yaml) throws IOException {
    return Runs.descriptor(dir, file, yaml);
  }

  /** Loads, checks and runs a descriptor into {@code out} (which must not exist yet). */
  static Path run(Path descriptor, Path out) throws IOException {
    return Runs.run(descriptor, out);
  }

  /** The {@code metrics.json} of a run folder. */
  static JsonNode metrics(Path run) throws IOException {
    return Runs.metrics(run);
  }

  /**
   * Writes {@code x [orbits, points, 2]} to {@code file}: orbits of ω = 2, {@code q = 3 + a cos θ},
   * {@code p = −2 − 2a sin θ}, centred far off the origin, amplitude a in [0.5, 1.5) and phase
   * drawn from {@code seed}, each sampled evenly over one full period.
   */
  static void offCentreOrbits(Path file, int orbits, int points, long seed) throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[] x = new double[orbits * points * 2];
    for (int i = 0; i < orbits; i++) {
      double amplitude = 0.5 + random.nextDouble();
      double phase = 2 * Math.PI * random.nextDouble();
      for (int k = 0; k < points; k++) {
        double angle = 2 * Math.PI * k / points + phase;
        x[2 * (i * points + k)] = 3 + amplitude * Math.cos(angle);
        x[2 * (i * points + k) + 1] = -2 - 2 * amplitude * Math.sin(angle);
      }
    }
    new hamflow.runtime.report.NpzWriter().add("x", new int[] {orbits, points, 2}, x).write(file);
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}

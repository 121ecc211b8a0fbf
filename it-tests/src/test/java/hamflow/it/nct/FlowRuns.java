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

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}

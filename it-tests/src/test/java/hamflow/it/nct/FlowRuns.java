package hamflow.it.nct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Flow runs for the tests: descriptors written to disk, run in-process, metrics read back. */
final class FlowRuns {
  /** The bundled plugins as the runtime discovers them (class path, META-INF/services). */
  static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private FlowRuns() {}

  static Path descriptor(Path dir, String file, String yaml) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve(file);
    Files.writeString(p, yaml);
    return p;
  }

  /** Loads, checks and runs a descriptor into {@code out} (which must not exist yet). */
  static Path run(Path descriptor, Path out) throws IOException {
    return Experiment.load(descriptor, REGISTRY, false).run(out, null);
  }

  static JsonNode metrics(Path run) throws IOException {
    return new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}

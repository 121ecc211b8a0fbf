package hamflow.it.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs for the tests: descriptors written to disk, run in-process, read back. Public for the
 * flow tests' {@code hamflow.it.nct.FlowRuns}, which runs its descriptors through it.
 */
public final class Runs {
  /** The bundled plugins as the runtime discovers them (class path, META-INF/services). */
  public static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private Runs() {}

  /** Writes {@code yaml} to {@code dir/file} and returns the path. */
  public static Path descriptor(Path dir, String file, String yaml) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve(file);
    Files.writeString(p, yaml);
    return p;
  }

  /** Loads, checks and runs a descriptor into {@code out} (which must not exist yet). */
  public static Path run(Path descriptor, Path out) throws IOException {
    return Experiment.load(descriptor, REGISTRY, false).run(out, null);
  }

  /** The {@code metrics.json} of a run folder. */
  public static JsonNode metrics(Path run) throws IOException {
    return new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
  }

  /** The model variables of a checkpoint: every key but Adam's slots and the loss history. */
  static Map<String, double[]> checkpointWeights(Path checkpoint) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    NpzReader.read(checkpoint).forEach((k, a) -> {
      if (!k.startsWith("adam/") && !k.startsWith("_history")) {
        out.put(k, a.values());
      }
    });
    return out;
  }

  /** Every array of a checkpoint by key, Adam's slots and the history included. */
  static Map<String, double[]> checkpointState(Path checkpoint) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    NpzReader.read(checkpoint).forEach((k, a) -> out.put(k, a.values()));
    return out;
  }

  /** Copies a folder tree. */
  static void copyTree(Path from, Path to) throws IOException {
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

  /** The names in a folder (hidden ones included), sorted. */
  static List<String> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Largest |a − b| over all elements. */
  static double maxAbsDiff(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}

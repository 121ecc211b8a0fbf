package hamflow.it.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled {@code job: simulate} example runs as the README says and writes its metrics and
 * plots, with a finite energy error; found by listing {@code examples/}, so a new example is
 * covered without editing this test.
 */
class BundledSimulateExamplesTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  static Stream<String> simulateExamples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> {
            try {
              return Files.readAllLines(f).stream().anyMatch(l -> l.strip().equals("job: simulate"));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simulateExamples")
  void runsAndWritesItsPlots(String example) throws IOException {
    Path out = Experiment.load(EXAMPLES.resolve(example), REGISTRY, false)
        .run(dir.resolve("run"), EXAMPLES);
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(m.get("energy").get("relative_drift_max").asDouble()).as(example).isFinite();
    assertThat(out.resolve("energy-error.png")).exists();
    assertThat(out.resolve("phase-portrait.png")).exists();
  }
}

package hamflow.it.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code analyses:} section of a simulate descriptor, through {@link Experiment} as a user
 * runs it: each analysis writes its files and its {@code metrics.json} entry, absent analyses
 * write nothing, and mistakes are reported with their path.
 */
class AnalysesDescriptorTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("analyses.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private JsonNode run(String yaml, String... files) throws IOException {
    Path out = Experiment.load(write(yaml), REGISTRY, false).run(dir.resolve("run"), dir);
    for (String f : files) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
  }

  @Test
  void withoutAnalysesNothingExtraIsWritten() throws IOException {
    JsonNode metrics = run("""
        name: plain
        system: {type: harmonic-oscillator}
        integrator: {type: leapfrog}
        simulation: {dt: 0.05, steps: 100, keep-every: 10}
        """);
    assertThat(metrics.has("poincare")).isFalse();
    assertThat(metrics.has("normal_modes")).isFalse();
    assertThat(metrics.has("equilibrium")).isFalse();
    try (var files = Files.list(dir.resolve("run"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("poincare") || n.startsWith("normal-modes"));
    }
  }

  /** Hénon–Heiles orbits cross q1 = 0 upwards about once per 2π: ~16 times each over t = 100. */
  @Test
  void poincareWritesPointsPlotAndMetrics() throws IOException {
    JsonNode metrics = run("""
        name: section
        seed: 1
        system: {type: henon-heiles, energy: 0.1}
        integrator: {type: leapfrog}
        simulation: {dt: 0.05, steps: 2000, trajectories: 3, keep-every: 5}
        analyses:
          poincare: {plane: q1, value: 0.0, direction: up, plot: [q2, p2]}
        """, "poincare.csv", "poincare.png");
    JsonNode p = metrics.get("poincare");
    assertThat(p.get("plane").asText()).isEqualTo("q1");
    assertThat(p.get("direction").asText()).isEqualTo("up");
    assertThat(p.get("crossings_per_trajectory")).hasSize(3);
    int total = 0;
    for (JsonNode n : p.get("crossings_per_trajectory")) {
      assertThat(n.asInt()).isBetween(10, 20);
      total += n.asInt();
    }
    assertThat(p.get("crossings").asInt()).isEqualTo(total);
    List<String> csv = Files.readAllLines(dir.resolve("run/poincare.csv"));
    assertThat(csv.get(0)).isEqualTo("trajectory,t,q1,q2,p1,p2");
    assertThat(csv).hasSize(total + 1);
  }

  /** Eight sites: every E_k present, Σ E_k(0) = H(0) of the trajectory. */
  @Test
  void normalModesWriteEnergiesPlotAndMetrics() throws IOException {
    JsonNode metrics = run("""
        name: modes
        system: {type: harmonic-chain, sites: 8, coupling: 1.0}
        integrator: {type: leapfrog}
        simulation: {dt: 0.05, steps: 400, trajectories: 2, keep-every: 10}
        analyses:
          normal-modes: {coupling: 1.0, plot-modes: 3}
        """, "normal-modes.csv", "normal-modes.png");
    JsonNode m = metrics.get("normal_modes");
    assertThat(m.get("modes").asInt()).isEqualTo(8);
    assertThat(m.get("omega")).hasSize(8);
    assertThat(m.get("trajectories")).hasSize(2);
    assertThat(m.get("trajectories").get(0).get("initial")).hasSize(8);
    List<String> csv = Files.readAllLines(dir.resolve("run/normal-modes.csv"));
    assertThat(csv.get(0)).isEqualTo("trajectory,t,E1,E2,E3,E4,E5,E6,E7,E8");
    assertThat(csv).hasSize(1 + 2 * 41);
  }

  @Test
  void equilibriumGoesIntoMetrics() throws IOException {
    JsonNode metrics = run("""
        name: thermostat
        system: {type: harmonic-oscillator}
        integrator: {type: langevin-baoab, friction: 1.0, temperature: 0.5, seed: 3}
        simulation: {dt: 0.05, steps: 4000, trajectories: 4, keep-every: 10}
        analyses:
          equilibrium: {burn-in: 0.25, batches: 10}
        """);
    JsonNode e = metrics.get("equilibrium");
    assertThat(e.get("samples_per_trajectory").asInt()).isEqualTo(301);
    assertThat(e.get("trajectories").asInt()).isEqualTo(4);
    assertThat(e.get("degrees_of_freedom")).hasSize(1);
    for (String key : new String[] {"p_dH_dp", "q_dH_dq", "p_squared", "q_squared"}) {
      JsonNode v = e.get("mean_over_degrees_of_freedom").get(key);
      assertThat(v.get("standard_error").asDouble()).as(key).isPositive();
      // kT = 0.5 and m = k = 1: every average is 0.5; 1200 samples of a short run, so loosely.
      assertThat(v.get("mean").asDouble()).as(key).isBetween(0.3, 0.7);
    }
  }

  @Test
  void aCoordinateTheSystemLacksIsABadDescriptor() throws IOException {
    Path file = write("""
        name: bad
        system: {type: henon-heiles}
        integrator: {type: leapfrog}
        simulation: {dt: 0.05, steps: 100, keep-every: 10}
        analyses:
          poincare: {plane: q3, plot: [q2, p5]}
        """);
    // Reported when the descriptor loads (so `hamflow validate` sees it), with paths and lines.
    Path out = dir.resolve("run");
    assertThatThrownBy(() -> Experiment.load(file, REGISTRY, false))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessageContaining("line 6, analyses.poincare.plane: the system has no coordinate 'q3' (n = 2)")
        .hasMessageContaining("analyses.poincare.plot[1]")
        .hasMessageContaining("valid: q1, q2, p1, p2");
    assertThat(out).doesNotExist();
  }

  @Test
  void bindingErrorsNameTheirPath() throws IOException {
    Path file = write("""
        name: bad
        system: {type: harmonic-oscillator}
        integrator: {type: leapfrog}
        simulation: {dt: 0.05, steps: 100, keep-every: 10}
        analyses:
          poincare: {plane: x1, direction: sideways, plot: [q1]}
          normal-modes: {coupling: -1}
          histogram: {}
        """);
    assertThatThrownBy(() -> Experiment.load(file, REGISTRY, false))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessageContaining("analyses.poincare.direction")
        .hasMessageContaining("valid choices: up, down, both")
        .hasMessageContaining("analyses.normal-modes.coupling")
        .hasMessageContaining("unknown field 'histogram'")
        .hasMessageContaining("equilibrium");
  }

  /** 100 steps kept every 10 leave 9 states after a 20% burn-in: not enough for 20 batches. */
  @Test
  void tooFewSamplesForTheBatchesIsReportedBeforeRunning() throws IOException {
    Path file = write("""
        name: bad
        system: {type: harmonic-oscillator}
        integrator: {type: langevin-baoab}
        simulation: {dt: 0.05, steps: 100, keep-every: 10}
        analyses:
          equilibrium: {}
        """);
    assertThatThrownBy(() -> Experiment.load(file, REGISTRY, false))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessageContaining("only 9 kept states per trajectory after the burn-in")
        .hasMessageContaining("batches = 20");
  }
}

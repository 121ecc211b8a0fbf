package hamflow.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins}, {@code describe} and {@code run}'s output-folder rules, in-process. */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void pluginsListsTheBundledPluginsOfEveryKind() {
    CliRun run = CliRun.of("plugins");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("systems:", "integrators:", "harmonic-oscillator", "pendulum",
        "mass-spring", "symplectic-euler", "leapfrog", "rk4");
    assertThat(run.out()).contains("models:", "losses:", "layers:", "objectives:",
        "field-matching", "point-transformation", "angle-derivative").doesNotContain("losss");
  }

  @Test
  void describeShowsTypesDefaultsAndRanges() {
    CliRun run = CliRun.of("describe", "harmonic-oscillator");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("mass", "number > 0", "default 1.0", "spring-constant",
        "equilibrium");
  }

  @Test
  void describeOfAnUnknownTypeIsBadInput() {
    CliRun run = CliRun.of("describe", "warp-drive");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("unknown type 'warp-drive'");
  }

  @Test
  void runNeverOverwritesAnEarlierResult() throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(file, """
        name: small
        job: simulate
        system: {type: mass-spring}
        integrator: {type: leapfrog}
        simulation: {dt: 0.1, steps: 20, trajectories: 2}
        """);
    Path out = dir.resolve("out");
    CliRun first = CliRun.of("run", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(first.status()).as(first.err()).isZero();
    byte[] before = Files.readAllBytes(out.resolve("metrics.json"));

    CliRun second = CliRun.of("run", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(second.status()).isEqualTo(2);
    assertThat(second.err()).contains("already exists");
    assertThat(Files.readAllBytes(out.resolve("metrics.json"))).isEqualTo(before);
  }

  @Test
  void invalidDescriptorWritesNothing() throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(file, """
        name: broken
        job: simulate
        system: {type: mass-spring}
        integrator: {type: leapfrog}
        simulation: {dt: -1, steps: 20}
        """);
    Path runs = dir.resolve("runs");
    CliRun run = CliRun.of("run", file.toString(), "--runs-dir", runs.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(runs).doesNotExist();
  }
}

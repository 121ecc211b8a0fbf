package hamflow.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of descriptor error: each must exit with status 2 and name the path in the
 * file, its line, the bad value and the valid choices or range.
 */
class DescriptorErrorsTest {
  @TempDir Path dir;

  private static final String VALID = """
      name: errors
      job: simulate
      system:
        type: harmonic-oscillator
        mass: 1.0
      integrator:
        type: leapfrog
      simulation:
        dt: 0.1
        steps: 10
      """;

  private CliRun validate(String yaml) throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(file, yaml);
    return CliRun.of("validate", file.toString());
  }

  @Test
  void validDescriptorPasses() throws IOException {
    CliRun run = validate(VALID);
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("is valid");
  }

  @Test
  void unknownTypeListsTheChoices() throws IOException {
    CliRun run = validate(VALID.replace("type: leapfrog", "type: leapfrg"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("line 7, integrator.type")
        .contains("'leapfrg'")
        .contains("leapfrog, rk4, symplectic-euler");
  }

  @Test
  void unknownFieldListsTheValidFields() throws IOException {
    CliRun run = validate(VALID.replace("mass: 1.0", "mas: 1.0"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("line 5, system.mas")
        .contains("unknown field 'mas'")
        .contains("mass, spring-constant, equilibrium");
  }

  @Test
  void wrongValueTypeNamesTheValue() throws IOException {
    CliRun run = validate(VALID.replace("dt: 0.1", "dt: fast"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 9, simulation.dt").contains("expected a number")
        .contains("'fast'");
  }

  @Test
  void missingRequiredFieldIsNamed() throws IOException {
    CliRun run = validate(VALID.replace("  steps: 10\n", ""));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("simulation.steps").contains("missing required field");
  }

  @Test
  void outOfRangeValueGivesTheRange() throws IOException {
    CliRun run = validate(VALID.replace("mass: 1.0", "mass: -2"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 5, system.mass").contains("-2 is out of range")
        .contains("must be > 0");
  }

  @Test
  void unknownChoiceOfAnEnumListsTheChoices() throws IOException {
    CliRun run = validate(VALID.replace("job: simulate", "job: simulate\ndtype: float16"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 3, dtype").contains("float32, float64");
  }

  @Test
  void everyErrorIsReportedTogether() throws IOException {
    String yaml = VALID.replace("mass: 1.0", "mass: 0").replace("dt: 0.1", "dt: [1]")
        .replace("type: leapfrog", "type: nope").replace("name: errors", "name: errors\ncolour: red");
    CliRun run = validate(yaml);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("4 problems").contains("colour").contains("system.mass")
        .contains("simulation.dt").contains("integrator.type");
  }

  @Test
  void crossFieldRuleOfARecordNamesItsSection() throws IOException {
    CliRun run = validate(VALID.replace("steps: 10", "steps: 10\n  keep-every: 3"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("simulation: steps (10) must be a multiple of keep-every (3)");
  }

  @Test
  void jsonDescriptorsAreCheckedTheSameWay() throws IOException {
    Path file = dir.resolve("d.json");
    Files.writeString(file, """
        {
          "name": "json",
          "job": "simulate",
          "system": {"type": "pendulum", "length": 0},
          "integrator": {"type": "rk4"},
          "simulation": {"dt": 0.1, "steps": 10}
        }
        """);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 4, system.length").contains("must be > 0");
  }

  @Test
  void syntaxErrorsGiveTheLine() throws IOException {
    CliRun run = validate(VALID.replace("  dt: 0.1", "  dt: [0.1"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("not valid syntax").containsPattern("line \\d+");
  }

  @Test
  void unknownJobListsTheJobs() throws IOException {
    CliRun run = validate(VALID.replace("job: simulate", "job: optimize"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 2, job").contains("unknown job 'optimize'")
        .contains("simulate, train");
  }

  @Test
  void missingFileIsBadInput() {
    CliRun run = CliRun.of("validate", dir.resolve("absent.yaml").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("absent.yaml").contains("cannot read");
  }
}

package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors of train descriptors through {@code hamflow validate}: each exits with status 2 and
 * names the path in the file (and, where the binder knows it, the line, the bad value and the
 * valid choices or range).
 */
class TrainDescriptorErrorsTest {
  @TempDir Path dir;

  private static final String VALID = """
      name: train-errors
      job: train
      system:
        type: harmonic-oscillator
      data:
        source: generate
        trajectories: 4
      model:
        type: hnn
        width: 8
      loss:
        type: field-matching
      training:
        steps: 10
      """;

  private Cli validate(String yaml) throws IOException {
    return Cli.of("validate", Runs.descriptor(dir, "d.yaml", yaml).toString());
  }

  /**
   * The base descriptor must pass, or the error tests below prove nothing. (Fails today:
   * {@code ValidateCommand} prints {@code e.descriptor()}, which is null for train jobs.)
   */
  @Test
  void validTrainDescriptorPasses() throws IOException {
    Cli run = validate(VALID);
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("is valid");
  }

  @Test
  void trajectoryMatchingWithoutIntegratorNamesTheLoss() throws IOException {
    Cli run = validate(VALID.replace("type: field-matching", "type: trajectory-matching"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("loss.type").contains("trajectory-matching")
        .contains("integrator:");
  }

  @Test
  void trajectoryMatchingOnFreshStatesNamesTheDataSource() throws IOException {
    Cli run = validate(VALID.replace("type: field-matching", "type: trajectory-matching")
        .replace("source: generate", "source: fresh")
        + "integrator:\n  type: rk4\n");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("data.source").contains("fresh");
  }

  /**
   * Leapfrog cannot advance a non-separable learned H. The loss refuses it when it is built,
   * but that is at training time; validate must already say so (today it passes the check and
   * then fails on the null simulate descriptor, status 1).
   */
  @Test
  void trajectoryMatchingWithSplittingIntegratorNeedsASeparableModel() throws IOException {
    Cli run = validate(VALID.replace("type: field-matching", "type: trajectory-matching")
        + "integrator:\n  type: leapfrog\n");
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("separable-hnn").doesNotContain("internal error");
  }

  /** A rollout loss needs a model that learns H; the baseline does not (same gap as above). */
  @Test
  void trajectoryMatchingNeedsAModelThatLearnsAHamiltonian() throws IOException {
    Cli run = validate(VALID.replace("type: field-matching", "type: trajectory-matching")
        .replace("type: hnn", "type: baseline") + "integrator:\n  type: rk4\n");
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("Hamiltonian").doesNotContain("internal error");
  }

  @Test
  void fileSourceWithoutFileNamesTheDataSection() throws IOException {
    Cli run = validate(VALID.replace("source: generate", "source: file"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).containsPattern("line \\d+, data\\b")
        .contains("source is file but no 'file:' is given");
  }

  @Test
  void fileWithoutFileSourceNamesTheDataSection() throws IOException {
    Cli run = validate(VALID.replace("source: generate", "source: generate\n  file: x.npz"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).containsPattern("data\\b").contains("'file:' is given but source is generate");
  }

  @Test
  void unknownModelTypeListsTheModels() throws IOException {
    Cli run = validate(VALID.replace("type: hnn", "type: hnnn"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 9, model.type").contains("'hnnn'")
        .contains("valid choices: baseline, hnn, separable-hnn");
  }

  @Test
  void zeroWidthIsOutOfRange() throws IOException {
    Cli run = validate(VALID.replace("width: 8", "width: 0"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("line 10, model.width").contains("0 is out of range")
        .contains(">= 1");
  }

  @Test
  void rolloutWithoutIntegratorIsNamed() throws IOException {
    Cli run = validate(VALID + "evaluation:\n  rollout:\n    start: [1.0, 0.0]\n    dt: 0.1\n"
        + "    steps: 10\n");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("evaluation.rollout").contains("integrator:");
  }

  @Test
  void missingTrainingSectionIsNamed() throws IOException {
    Cli run = validate(VALID.replace("training:\n  steps: 10\n", ""));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("training").contains("missing required field");
  }

  @Test
  void problemsAcrossSectionsAreReportedTogether() throws IOException {
    Cli run = validate(VALID.replace("width: 8", "width: 0").replace("type: field-matching", "type: mse")
        .replace("trajectories: 4", "trajectories: 1"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("3 problems").contains("model.width").contains("loss.type")
        .contains("data.trajectories");
  }
}

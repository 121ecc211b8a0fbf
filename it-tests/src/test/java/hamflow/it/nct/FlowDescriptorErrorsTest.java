package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A flow descriptor whose sections do not fit together is refused before any work, with the
 * path of the offending field and a message that says what to change.
 */
class FlowDescriptorErrorsTest {
  @TempDir Path dir;

  private static final String CHAIN = "system: {type: harmonic-chain, sites: 2}\n";
  private static final String LAYERS = "layers: [{type: linear-symplectic}]\n";
  private static final String TRAINING = "training: {steps: 2}\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("free energy without a system", LAYERS + "objective: {type: free-energy}\n"
            + TRAINING, "objective.type", "add a 'system:' section"),
        Arguments.of("likelihood without data", CHAIN + LAYERS + "objective: {type: likelihood}\n"
            + TRAINING, "data.source", "set data.source to generate, boltzmann or file"),
        Arguments.of("free energy given data", CHAIN + LAYERS + "objective: {type: free-energy}\n"
            + "data: {source: generate}\n" + TRAINING, "data.source", "reads no data"),
        Arguments.of("boltzmann with a deterministic integrator", CHAIN + LAYERS
            + "objective: {type: likelihood}\ndata: {source: boltzmann}\n"
            + "integrator: {type: leapfrog}\n" + TRAINING, "integrator.type", "is deterministic"),
        Arguments.of("integrability on independent samples", CHAIN + LAYERS
            + "objective: {type: integrability}\ndata: {source: boltzmann}\n"
            + "integrator: {type: langevin-baoab}\n" + TRAINING, "data.source",
            "reads trajectories"),
        Arguments.of("unknown objective", CHAIN + LAYERS + "objective: {type: entropy}\n"
            + TRAINING, "objective", "unknown objective 'entropy'"),
        Arguments.of("a layer that is no layer", CHAIN + "layers: [{type: leapfrog}]\n"
            + "objective: {type: free-energy}\n" + TRAINING, "layers[0]",
            "unknown layer 'leapfrog'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsPath(String name, String body, String path, String message)
      throws IOException {
    String yaml = "name: bad\njob: flow\n" + body;
    Path file = FlowRuns.descriptor(dir, "bad.yaml", yaml);
    assertThatThrownBy(() -> Experiment.load(file, FlowRuns.REGISTRY, false))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessageContaining(path)
        .hasMessageContaining(message);
  }
}

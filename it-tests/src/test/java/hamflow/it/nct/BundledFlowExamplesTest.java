package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.runtime.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code hamflow validate} accepts every bundled flow example and says what it describes. */
class BundledFlowExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {"harmonic-chain-nct", "harmonic-chain-nct-realnvp", "ring2d-density",
      "fput-normal-modes", "kepler-action-angle"})
  void validates(String name) {
    Path file = Path.of("..", "examples", name + ".yaml");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute("validate", file.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("is valid: flow '" + name + "'").contains("objective");
  }
}

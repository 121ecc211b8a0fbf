package hamflow.it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The unpacked distribution built by the reactor, and {@code bin/hamflow} run as a process. */
final class Distribution {
  record Outcome(int status, String out, String err) {}

  private Distribution() {}

  static Path home() {
    String dir = System.getProperty("hamflow.distribution");
    assertThat(dir).as("system property hamflow.distribution").isNotNull();
    Path home = Path.of(dir);
    assertThat(home.resolve("bin/hamflow")).as("built distribution").isExecutable();
    return home;
  }

  static Path examples() {
    return Path.of(System.getProperty("hamflow.examples"));
  }

  /** Runs {@code bin/hamflow args...} in {@code workDir}, at most two minutes. */
  static Outcome hamflow(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home().resolve("bin/hamflow").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("hamflow " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

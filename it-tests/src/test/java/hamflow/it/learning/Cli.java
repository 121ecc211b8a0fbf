package hamflow.it.learning;

import hamflow.runtime.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The {@code hamflow} command run in-process, with its exit status and what it printed. */
record Cli(int status, String out, String err) {
  static Cli of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Cli(status, out.toString(), err.toString());
  }
}

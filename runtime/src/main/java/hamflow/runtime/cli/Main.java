package hamflow.runtime.cli;

import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.plugin.PluginConflictException;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.report.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code hamflow} command. Exit statuses: 0 ok, 2 bad input, 1 internal failure. */
@Command(
    name = "hamflow",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Hamiltonian neural networks and canonical transformations on TensorFlow Java.",
    subcommands = {
      RunCommand.class, ValidateCommand.class, PluginsCommand.class, DescribeCommand.class,
      BenchCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INTERNAL_FAILURE = 1;
  public static final int BAD_INPUT = 2;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Folder of extra plugin jars (default: the installation's plugins/).")
  Path pluginsDir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PluginRegistry registry;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by in-process tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The plugin registry, loaded once per command and its warnings printed. */
  PluginRegistry registry(PrintWriter err) {
    if (registry == null) {
      Path dir = pluginsDir;
      String home = System.getProperty("hamflow.home");
      if (dir == null && home != null) {
        dir = Path.of(home, "plugins");
      }
      registry = PluginRegistry.discover(dir);
      registry.warnings().forEach(w -> err.println("hamflow: warning: " + w));
    }
    return registry;
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof InvalidDescriptorException
        || e instanceof PluginConflictException
        || e instanceof RunFolder.OutputExistsException
        || e instanceof BadInputException
        || e instanceof hamflow.runtime.train.DataFileException) {
      err.println("hamflow: error: " + e.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof hamflow.runtime.train.TrainingDivergedException
        || e instanceof hamflow.runtime.simulate.SimulationFailedException) {
      err.println("hamflow: error: " + e.getMessage());
      return INTERNAL_FAILURE;
    }
    err.println("hamflow: internal error: " + e);
    e.printStackTrace(err);
    return INTERNAL_FAILURE;
  }

  /** The user asked for something that does not exist (exit status 2). */
  static final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
      super(message);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"hamflow " + (v == null ? "(development build)" : v)};
    }
  }
}

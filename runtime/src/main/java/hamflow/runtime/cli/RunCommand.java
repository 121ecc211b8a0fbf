package hamflow.runtime.cli;

import hamflow.runtime.experiment.Experiment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hamflow run FILE}: validates the descriptor, runs its job and writes a run folder. */
@Command(name = "run", description = "Run the experiment a descriptor describes.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Descriptor (.yaml, .yml or .json).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder to write (must not exist or be empty). Default: runs/<name>-<timestamp>.")
  Path out;

  @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
      description = "Where default run folders go (default: ${DEFAULT-VALUE}).")
  Path runsDir;

  @Option(names = "--no-progress", description = "Do not draw progress bars.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    Experiment experiment = Experiment.load(file, main.registry(err), !noProgress);
    Path folder = experiment.run(out, runsDir);
    outWriter.println("run folder: " + folder);
    Path metrics = folder.resolve("metrics.json");
    if (Files.exists(metrics)) {
      outWriter.println(Files.readString(metrics).strip());
    }
    outWriter.flush();
    return Main.OK;
  }
}

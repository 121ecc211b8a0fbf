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

  @Parameters(paramLabel = "FILE", arity = "0..1",
      description = "Descriptor (.yaml, .yml or .json). Not with --resume.")
  Path file;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue an interrupted train run from its latest checkpoints.")
  Path resume;

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
    Path folder;
    if (resume != null) {
      if (file != null || out != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--resume RUN_DIR takes no FILE or --out: the run folder holds its descriptor");
      }
      Path descriptor = resume.resolve("descriptor.yaml");
      if (!Files.isRegularFile(descriptor)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            resume + " is not a run folder (it has no descriptor.yaml)");
      }
      folder = Experiment.load(descriptor, main.registry(err), !noProgress).resume(resume);
    } else {
      if (file == null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "Missing required parameter: 'FILE' (or --resume RUN_DIR)");
      }
      folder = Experiment.load(file, main.registry(err), !noProgress).run(out, runsDir);
    }
    outWriter.println("run folder: " + folder);
    Path metrics = folder.resolve("metrics.json");
    if (Files.exists(metrics)) {
      outWriter.println(Files.readString(metrics).strip());
    }
    outWriter.flush();
    return Main.OK;
  }
}

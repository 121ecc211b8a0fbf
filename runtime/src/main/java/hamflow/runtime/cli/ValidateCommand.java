package hamflow.runtime.cli;

import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.simulate.SimulateDescriptor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hamflow validate FILE}: every problem of a descriptor, without running anything. */
@Command(name = "validate", description = "Check a descriptor and report every problem in it.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Descriptor (.yaml, .yml or .json).")
  Path file;

  @Override
  public Integer call() {
    Experiment e = Experiment.load(file, main.registry(spec.commandLine().getErr()), false);
    if (e.trainDescriptor() != null) {
      var t = e.trainDescriptor();
      spec.commandLine().getOut().printf("%s is valid: train '%s', model %s%s, loss %s%n", file,
          t.name(), t.model().type(), t.baseline() == null ? "" : ", baseline " + t.baseline().type(),
          t.loss().type());
      return Main.OK;
    }
    if (e.flowDescriptor() != null) {
      var f = e.flowDescriptor();
      spec.commandLine().getOut().printf("%s is valid: flow '%s', %d layers, objective %s%n",
          file, f.name(), f.layers().expanded().size(), f.objective().type());
      return Main.OK;
    }
    SimulateDescriptor d = e.descriptor();
    spec.commandLine().getOut().printf("%s is valid: %s '%s', system %s, integrator %s%n",
        file, d.job(), d.name(), d.system().type(), d.integrator().type());
    return Main.OK;
  }
}

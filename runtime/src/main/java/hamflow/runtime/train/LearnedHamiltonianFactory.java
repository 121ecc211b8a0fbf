package hamflow.runtime.train;

import hamflow.api.Param;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.SourceTree;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system type {@code learned-hamiltonian}: the H learned by a finished (or checkpointed)
 * train run, so any integrator and simulate job can use it like a bundled system. Contributed by
 * the runtime itself, because it rebuilds the run's model through the plugin registry.
 */
public final class LearnedHamiltonianFactory implements SystemFactory<LearnedHamiltonianFactory.Parameters> {

  /** Parameters of {@code learned-hamiltonian}. */
  public record Parameters(
      @Param("run folder of a train job (relative to the working directory)") String run,
      @Param(value = "which trained model: model or baseline", defaultValue = "model") String role) {
    public Parameters {
      Path dir = Path.of(run);
      if (!Files.isRegularFile(dir.resolve("descriptor.yaml"))) {
        throw new IllegalArgumentException("run '" + run + "' is not a train run folder (no "
            + "descriptor.yaml)");
      }
      if (!role.equals("model") && !role.equals("baseline")) {
        throw new IllegalArgumentException("role must be model or baseline, got '" + role + "'");
      }
      try {
        if (Checkpoints.latest(dir, role).isEmpty()) {
          throw new IllegalArgumentException("run '" + run + "' has no checkpoint of its " + role
              + " (checkpoints/" + role + "-step-N.npz)");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the checkpoints of run '" + run + "': "
            + e.getMessage());
      }
    }
  }

  private final PluginRegistry registry;

  public LearnedHamiltonianFactory(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String type() {
    return "learned-hamiltonian";
  }

  @Override
  public String description() {
    return "the H learned by a train run (its latest checkpoint), as a system";
  }

  @Override
  public Class<Parameters> parameters() {
    return Parameters.class;
  }

  @Override
  public HamiltonianSystem create(Parameters p) {
    Path dir = Path.of(p.run());
    TrainDescriptor d = new Binder(SourceTree.read(dir.resolve("descriptor.yaml")), registry)
        .bindRoot(TrainDescriptor.class).value();
    var section = p.role().equals("model") ? d.model() : d.baseline();
    if (section == null) {
      throw new IllegalArgumentException("run '" + p.run() + "' trained no " + p.role());
    }
    Model model = section.create(Model.class);
    if (d.system() == null) {
      throw new IllegalArgumentException("run '" + p.run() + "' names no system, so the "
          + "dimension and initial states of its learned H are unknown");
    }
    HamiltonianSystem truth = d.system().create(HamiltonianSystem.class);
    Map<String, double[]> weights;
    try {
      weights = new TrainingRun(p.role(), Checkpoints.latest(dir, p.role()).orElseThrow().state(),
          new LossHistory(), 0).weights();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = truth.degreesOfFreedom();
    return LearnedSystem.of(model, n, weights, truth::sampleInitialState,
        "the " + p.role() + " of run '" + p.run() + "' (" + section.type() + ")");
  }
}

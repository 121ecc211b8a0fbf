package hamflow.runtime.simulate;

import hamflow.api.Param;
import hamflow.runtime.analysis.Analyses;
import hamflow.runtime.analysis.Equilibrium;
import hamflow.runtime.descriptor.BoundPlugin;
import hamflow.runtime.descriptor.Slot;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.tf.Precision;

/** A descriptor with {@code job: simulate}: integrate a system from sampled initial states. */
public record SimulateDescriptor(
    @Param("experiment name, used to name the run folder") String name,
    @Param(value = "what to run", defaultValue = "simulate") String job,
    @Param(value = "floating dtype of the graph", defaultValue = "float64") Precision dtype,
    @Param(value = "seed of the initial-state sampler", defaultValue = "0") long seed,
    @Slot(Kind.SYSTEM) BoundPlugin system,
    @Slot(Kind.INTEGRATOR) BoundPlugin integrator,
    SimulationSettings simulation,
    @Param(value = "analyses of the trajectories (poincare, normal-modes, equilibrium); none"
            + " when left out",
            defaultValue = Param.NONE)
        Analyses analyses) {
  public SimulateDescriptor {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "name '" + name + "' may hold only letters, digits, '.', '_' and '-' (it names the run folder)");
    }
    if (analyses != null && analyses.equilibrium() != null) {
      int samples = Equilibrium.samples(analyses.equilibrium(), simulation.keptStates());
      if (samples < analyses.equilibrium().batches()) {
        throw new IllegalArgumentException("analyses.equilibrium: only " + samples
            + " kept states per trajectory after the burn-in, fewer than batches = "
            + analyses.equilibrium().batches() + "; run more steps, keep more states (smaller"
            + " keep-every) or use fewer batches");
      }
    }
  }
}

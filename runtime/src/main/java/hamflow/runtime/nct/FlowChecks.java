package hamflow.runtime.nct;

import hamflow.api.integrate.Integrator;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveData;
import hamflow.runtime.descriptor.Binder;
import java.util.Locale;

/**
 * The checks of a flow descriptor across sections, reported with the other descriptor problems
 * before any work: what the objective reads against where the data come from, the system and
 * integrator those sources need, the layers L-BFGS refines, and a dry build of the training graph.
 */
public final class FlowChecks {
  private FlowChecks() {}

  public static void check(Binder binder, FlowDescriptor d) {
    FlowObjective objective = d.objective().create(FlowObjective.class);
    String type = d.objective().type();
    FlowDataSource source = d.data().source();
    String sourceName = source.name().toLowerCase(Locale.ROOT);
    if (objective.needsSystem() && d.system() == null) {
      binder.report("objective.type", "objective '" + type + "' scores states with a system's H; "
          + "add a 'system:' section");
    }
    if (objective.data() == ObjectiveData.NONE && source != FlowDataSource.NONE) {
      binder.report("data.source", "objective '" + type + "' reads no data (it samples its "
          + "prior), but data.source is " + sourceName + "; remove the data section");
    }
    if (objective.data() != ObjectiveData.NONE && source == FlowDataSource.NONE) {
      binder.report("data.source", "objective '" + type + "' reads "
          + (objective.data() == ObjectiveData.STATES ? "phase-space samples" : "trajectories")
          + "; set data.source to generate, boltzmann or file");
    }
    if (objective.data() == ObjectiveData.TRAJECTORIES && source == FlowDataSource.BOLTZMANN) {
      binder.report("data.source", "objective '" + type + "' reads trajectories; boltzmann gives "
          + "independent samples: use generate or a file of trajectories");
    }
    if ((source == FlowDataSource.GENERATE || source == FlowDataSource.BOLTZMANN)
        && d.system() == null) {
      binder.report("data.source", "data.source " + sourceName + " draws from the system; add a "
          + "'system:' section");
    }
    if (source == FlowDataSource.BOLTZMANN) {
      Integrator integrator = d.integrator() == null ? null
          : d.integrator().create(Integrator.class);
      if (integrator == null || !integrator.stochastic()) {
        binder.report(d.integrator() == null ? "data.source" : "integrator.type",
            "data.source boltzmann draws samples with a stochastic integrator (a thermostat such "
                + "as langevin-baoab); " + (integrator == null ? "add an 'integrator:' section"
                : "'" + d.integrator().type() + "' is deterministic"));
      }
    }
    if (!d.training().lbfgsLayers().isEmpty() && d.training().lbfgsSteps() == 0) {
      binder.report("training.lbfgs-layers", "names the layers L-BFGS refines, but "
          + "training.lbfgs-steps is 0: set lbfgs-steps, or remove lbfgs-layers");
    }
    java.util.List<String> types = FlowJob.layerTypes(d);
    for (String named : d.training().lbfgsLayers()) {
      if (!types.contains(named)) {
        binder.report("training.lbfgs-layers", "no layer of type '" + named + "' in the stack "
            + "(its layers are " + String.join(", ", new java.util.LinkedHashSet<>(types)) + ")");
      }
    }
    binder.throwIfProblems();
    FlowJob.checkBuild(d).ifPresent(r -> binder.report(r.path(), r.message()));
    binder.throwIfProblems();
  }
}

package hamflow.runtime.nct;

import hamflow.api.Param;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.BoundPlugin;
import hamflow.runtime.descriptor.Slot;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.tf.Precision;

/**
 * A descriptor with {@code job: flow}: a stack of layers trained on an objective — a normalizing
 * flow, or a neural canonical transformation when every layer is symplectic.
 */
public record FlowDescriptor(
    @Param("experiment name, used to name the run folder") String name,
    @Param(value = "what to run", defaultValue = "flow") String job,
    @Param(value = "floating dtype of training (evaluation is always float64)",
            defaultValue = "float64")
        Precision dtype,
    @Param(value = "seed of data, initial weights and every random draw", defaultValue = "0")
        long seed,
    @Param(value = "the system whose H objectives score and whose trajectories or samples are "
            + "data", defaultValue = Param.NONE)
        @Slot(Kind.SYSTEM) BoundPlugin system,
    @Param("the flow z = T(x): layer sections and repeat blocks, applied first to last")
        @Slot(Kind.LAYER) Binder.BoundList layers,
    @Param("what the flow is trained to minimise") @Slot(Kind.OBJECTIVE) BoundPlugin objective,
    @Param(value = "integrator for data: the stochastic one that draws Boltzmann samples, or the "
            + "one generating trajectories", defaultValue = Param.NONE)
        @Slot(Kind.INTEGRATOR) BoundPlugin integrator,
    @Param(value = "training data", defaultValue = "{}") FlowDataSettings data,
    FlowTrainingSettings training,
    @Param(value = "evaluation", defaultValue = "{}") FlowEvaluationSettings evaluation) {
  public FlowDescriptor {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "name '" + name + "' may hold only letters, digits, '.', '_' and '-' (it names the run folder)");
    }
  }
}

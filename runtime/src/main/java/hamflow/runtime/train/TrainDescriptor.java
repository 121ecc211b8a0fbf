package hamflow.runtime.train;

import hamflow.api.Param;
import hamflow.runtime.descriptor.BoundPlugin;
import hamflow.runtime.descriptor.Slot;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.tf.Precision;

/**
 * A descriptor with {@code job: train}: data from a system or a file, a model (and optionally a
 * baseline trained on the same data), a loss, Adam, and the evaluation protocol.
 */
public record TrainDescriptor(
    @Param("experiment name, used to name the run folder") String name,
    @Param(value = "what to run", defaultValue = "train") String job,
    @Param(value = "floating dtype of training (data and references are always float64)",
            defaultValue = "float32")
        Precision dtype,
    @Param(value = "seed of data, initial weights and minibatches", defaultValue = "0") long seed,
    @Param(value = "the true system: generates data and scores energies", defaultValue = Param.NONE)
        @Slot(Kind.SYSTEM) BoundPlugin system,
    @Param(value = "training data", defaultValue = "{}") DataSettings data,
    @Slot(Kind.MODEL) BoundPlugin model,
    @Param(value = "a second model trained on the same data for comparison",
            defaultValue = Param.NONE)
        @Slot(Kind.MODEL) BoundPlugin baseline,
    @Param(value = "training objective", defaultValue = "{type: field-matching}")
        @Slot(Kind.LOSS) BoundPlugin loss,
    @Param(value = "integrator for rollout losses and rollouts of the learned H",
            defaultValue = Param.NONE)
        @Slot(Kind.INTEGRATOR) BoundPlugin integrator,
    TrainingSettings training,
    @Param(value = "evaluation protocol", defaultValue = "{}") EvaluationSettings evaluation) {
  public TrainDescriptor {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "name '" + name + "' may hold only letters, digits, '.', '_' and '-' (it names the run folder)");
    }
  }
}

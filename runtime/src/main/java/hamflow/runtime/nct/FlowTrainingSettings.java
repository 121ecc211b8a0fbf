package hamflow.runtime.nct;

import hamflow.api.Param;
import java.util.List;

/**
 * The {@code training:} section of a flow descriptor: Adam and the step loop, then optionally
 * L-BFGS on one fixed batch.
 */
public record FlowTrainingSettings(
    @Param(value = "optimizer steps (one Session.run each)", min = 1) int steps,
    @Param(value = "Adam learning rate", defaultValue = "1e-3", min = 0, minExclusive = true)
        double learningRate,
    @Param(value = "if set, the learning rate decays exponentially to this value at the last "
            + "step", defaultValue = Param.NONE, min = 0, minExclusive = true)
        Double finalLearningRate,
    @Param(value = "samples (or trajectories) per step: drawn from the data, or from the prior",
            defaultValue = "200", min = 1)
        int batchSize,
    @Param(value = "record the loss and the objective's reports every k steps", defaultValue = "10",
            min = 1)
        int logEvery,
    @Param(value = "write a checkpoint every k steps (0: only at the end)", defaultValue = "0",
            min = 0)
        int checkpointEvery,
    @Param(value = "after the Adam steps, this many L-BFGS iterations on one batch held fixed "
            + "(all the training data, or one batch of prior draws): a deterministic objective, "
            + "whose nearly flat directions L-BFGS resolves where Adam crawls; 0: none",
            defaultValue = "0", min = 0)
        int lbfgsSteps,
    @Param(value = "curvature pairs L-BFGS keeps", defaultValue = "20", min = 1)
        int lbfgsHistory,
    @Param(value = "layer types whose variables L-BFGS refines, with the objective's own (such "
            + "as learned frequencies); empty: every variable. A large network refined on one "
            + "fixed batch fits that batch instead of the distribution", defaultValue = "[]")
        List<String> lbfgsLayers) {

  /** Adam steps and L-BFGS iterations together: the step count of the finished run. */
  public int totalSteps() {
    return steps + lbfgsSteps;
  }
}

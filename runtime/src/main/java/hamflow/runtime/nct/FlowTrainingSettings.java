package hamflow.runtime.nct;

import hamflow.api.Param;

/** The {@code training:} section of a flow descriptor: Adam and the step loop. */
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
        int checkpointEvery) {}

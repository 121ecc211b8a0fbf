package hamflow.runtime.train;

import hamflow.api.Param;

/** The {@code training:} section: Adam and the step loop. */
public record TrainingSettings(
    @Param(value = "optimizer steps (one Session.run each)", min = 1) int steps,
    @Param(value = "Adam learning rate", defaultValue = "1e-3", min = 0, minExclusive = true)
        double learningRate,
    @Param(value = "L2 weight decay added to the gradient (torch.optim.Adam semantics)",
            defaultValue = "0.0", min = 0)
        double weightDecay,
    @Param(value = "examples per step drawn at random; 0 means the full training set",
            defaultValue = "0", min = 0)
        int batchSize,
    @Param(value = "record train and test loss every k steps", defaultValue = "10", min = 1)
        int logEvery,
    @Param(value = "write a checkpoint every k steps (0: only at the end)", defaultValue = "0",
            min = 0)
        int checkpointEvery) {}

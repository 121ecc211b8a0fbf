package hamflow.runtime.analysis;

import hamflow.api.Param;

/**
 * The {@code analyses.equilibrium:} section: time averages of a thermostatted run after a
 * burn-in, with standard errors from batch means.
 */
public record EquilibriumSettings(
    @Param(value = "fraction of the run discarded before averaging (the approach to"
            + " equilibrium)",
            defaultValue = "0.2", min = 0, max = 1, maxExclusive = true)
        double burnIn,
    @Param(value = "batches per trajectory for the batch-means standard errors; each batch"
            + " must be longer than the correlation time (several 1/friction)",
            defaultValue = "20", min = 2)
        int batches) {}

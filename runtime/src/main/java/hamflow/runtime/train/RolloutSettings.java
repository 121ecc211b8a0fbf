package hamflow.runtime.train;

import hamflow.api.Param;
import java.util.List;

/** Simulate the true and the learned system side by side from one state, with an integrator. */
public record RolloutSettings(
    @Param("initial state [q..., p...]") List<Double> start,
    @Param(value = "time step", min = 0, minExclusive = true) double dt,
    @Param(value = "number of steps", min = 1) int steps) {}

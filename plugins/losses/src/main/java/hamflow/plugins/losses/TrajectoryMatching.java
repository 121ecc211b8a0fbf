package hamflow.plugins.losses;

import hamflow.api.Param;
import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.loss.Loss;
import hamflow.api.loss.LossContext;
import hamflow.api.loss.LossFactory;
import hamflow.api.loss.LossTarget;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Rolls the learned Hamiltonian forward from each observed state with the descriptor's
 * integrator, {@code steps} steps spanning the sampling interval, and takes the mean squared
 * error against the state observed one interval later. The rollout is unrolled in the graph, so
 * gradients flow through every integrator step.
 */
public final class TrajectoryMatching implements Loss {

  /** Parameters of {@code trajectory-matching}. */
  public record Parameters(
      @Param(value = "integrator steps per sampling interval (step = interval / steps)",
              defaultValue = "1", min = 1, max = 1000)
          int steps) {}

  /** Factory for {@code trajectory-matching}. */
  public static final LossFactory<Parameters> FACTORY =
      LossFactory.of("trajectory-matching",
          "MSE of states rolled out by the learned H against the observed next states",
          Parameters.class, TrajectoryMatching::new);

  private final Parameters params;

  public TrajectoryMatching(Parameters params) {
    this.params = params;
  }

  @Override
  public LossTarget target() {
    return LossTarget.NEXT_STATE;
  }

  @Override
  public <T extends TFloating> Operand<T> build(LossContext<T> c) {
    HamiltonianField<T> field = c.model().asHamiltonianField().orElseThrow(() ->
        new IllegalArgumentException("trajectory-matching rolls out a learned Hamiltonian, but "
            + "the model learns none; use an HNN model or the field-matching loss"));
    Integrator integrator = c.integrator().orElseThrow(() ->
        new IllegalArgumentException("trajectory-matching needs an 'integrator:' section to roll "
            + "the model forward"));
    if (integrator.requiresSeparable() && !field.separable()) {
      throw new IllegalArgumentException("integrator is an explicit splitting method and needs a "
          + "separable H; use separable-hnn, or an integrator for any H (rk4, implicit-midpoint)");
    }
    Operand<T> dt = c.constant(c.interval() / params.steps());
    Operand<T> x = c.states();
    for (int i = 0; i < params.steps(); i++) {
      x = integrator.step(c, field, x, dt);
    }
    return Reductions.meanSquare(c, c.tf().math.sub(x, c.targets()));
  }
}

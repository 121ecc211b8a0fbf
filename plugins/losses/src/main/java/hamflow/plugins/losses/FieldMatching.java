package hamflow.plugins.losses;

import hamflow.api.NoParameters;
import hamflow.api.loss.Loss;
import hamflow.api.loss.LossContext;
import hamflow.api.loss.LossFactory;
import hamflow.api.loss.LossTarget;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Greydanus et al.'s objective: the mean squared error between the predicted and the target
 * {@code dx/dt}, averaged over the batch and the 2n components.
 */
public final class FieldMatching implements Loss {

  /** Factory for {@code field-matching}. */
  public static final LossFactory<NoParameters> FACTORY =
      LossFactory.of("field-matching", "MSE between predicted and target dx/dt (Greydanus 2019)",
          NoParameters.class, p -> new FieldMatching());

  @Override
  public LossTarget target() {
    return LossTarget.TIME_DERIVATIVE;
  }

  @Override
  public <T extends TFloating> Operand<T> build(LossContext<T> c) {
    Operand<T> error = c.tf().math.sub(c.model().timeDerivative(c.states()), c.targets());
    return Reductions.meanSquare(c, error);
  }
}

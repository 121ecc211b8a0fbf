package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Symplectic Euler in the other order, drift then kick: {@code q' = q + h ∂H/∂p(p)},
 * {@code p' = p − h ∂H/∂q(q')}. The adjoint of {@link SymplecticEuler}.
 */
final class SymplecticEulerDriftKick implements Integrator {
  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public boolean requiresSeparable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    return Splitting.kick(g, field, Splitting.drift(g, field, x, dt), dt);
  }
}

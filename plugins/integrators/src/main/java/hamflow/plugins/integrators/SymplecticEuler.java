package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** Symplectic Euler, kick then drift: {@code p' = p − h ∂H/∂q(q)}, {@code q' = q + h ∂H/∂p(p')}. */
final class SymplecticEuler implements Integrator {
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
    return Splitting.drift(g, field, Splitting.kick(g, field, x, dt), dt);
  }
}

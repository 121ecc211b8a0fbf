package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Explicit (forward) Euler, {@code x' = x + h J∇H(x)}: order 1 and not symplectic — its energy
 * grows without bound on any oscillation, which is what it is here to show.
 */
final class ExplicitEuler implements Integrator {
  @Override
  public boolean symplectic() {
    return false;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public boolean requiresSeparable() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    return g.tf().math.add(x, g.tf().math.mul(dt, field.timeDerivative(g, x)));
  }
}

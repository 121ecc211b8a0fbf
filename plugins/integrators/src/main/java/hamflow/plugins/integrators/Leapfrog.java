package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** Leapfrog / Störmer–Verlet as kick(h/2), drift(h), kick(h/2): symmetric, hence order 2. */
final class Leapfrog implements Integrator {
  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public boolean requiresSeparable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    Operand<T> half = g.tf().math.mul(g.constant(0.5), dt);
    Operand<T> y = Splitting.kick(g, field, x, half);
    y = Splitting.drift(g, field, y, dt);
    return Splitting.kick(g, field, y, half);
  }
}

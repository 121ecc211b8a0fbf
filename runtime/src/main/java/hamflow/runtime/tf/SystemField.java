package hamflow.runtime.tf;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The vector field of a system for integrators: its closed-form gradient when it has one
 * (cheaper), automatic differentiation of {@code H} otherwise.
 */
public final class SystemField<T extends TFloating> implements HamiltonianField<T> {
  private final GraphContext<T> g;
  private final HamiltonianSystem system;

  public SystemField(GraphContext<T> g, HamiltonianSystem system) {
    this.g = g;
    this.system = system;
  }

  @Override
  public int degreesOfFreedom() {
    return system.degreesOfFreedom();
  }

  @Override
  public boolean separable() {
    return system.separable();
  }

  @Override
  public Operand<T> gradient(Operand<T> x) {
    return system.gradient(g, x).orElseGet(() -> g.gradient(system.hamiltonian(g, x), x));
  }
}

package hamflow.api.integrate;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The Hamiltonian vector field an integrator advances, built by the runtime from a system (or,
 * later, a learned Hamiltonian). Integrators see only this, never the system, so any
 * Hamiltonian can be integrated by any integrator whose requirements it meets.
 *
 * @param <T> the graph's floating dtype
 */
public interface HamiltonianField<T extends TFloating> {

  /** n, the number of coordinates. */
  int degreesOfFreedom();

  /** Whether {@code H = T(p) + V(q)}, so that ∂H/∂q depends on q only and ∂H/∂p on p only. */
  boolean separable();

  /** {@code ∇H = (∂H/∂q, ∂H/∂p)} at every state of {@code x}: {@code [batch, 2n]} in and out. */
  Operand<T> gradient(Operand<T> x);

  /** Hamilton's equations {@code dx/dt = (∂H/∂p, −∂H/∂q)}: {@code [batch, 2n]} in and out. */
  default Operand<T> timeDerivative(GraphContext<T> g, Operand<T> x) {
    int n = degreesOfFreedom();
    Operand<T> grad = gradient(x);
    return g.phaseSpace(g.momenta(grad, n), g.tf().math.neg(g.positions(grad, n)));
  }
}

package hamflow.api.system;

import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A Hamiltonian {@code H(q, p)} with n degrees of freedom, written with TensorFlow ops.
 *
 * <p>Every method that takes a {@link GraphContext} adds ops to the runtime's graph and returns
 * operands of the context's dtype; it must not run them. A phase-space batch {@code x} has shape
 * {@code [batch, 2n]}, q first then p. Implementations are immutable once created and must not
 * keep operands between calls (a new graph may be built for each job).
 */
public interface HamiltonianSystem {

  /** n, the number of coordinates (so phase space has dimension {@code 2n}). */
  int degreesOfFreedom();

  /** The energy {@code H(x)} of every state in the batch: shape {@code [batch]}. */
  <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x);

  /**
   * The closed-form gradient {@code (∂H/∂q, ∂H/∂p)}, shape {@code [batch, 2n]}, when one is
   * known. The runtime prefers it to automatic differentiation and tests that both agree.
   */
  default <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    return Optional.empty();
  }

  /**
   * Whether {@code H = T(p) + V(q)}. Explicit splitting integrators (symplectic Euler, leapfrog)
   * are only valid, and only symplectic, for separable systems.
   */
  boolean separable();

  /**
   * Draws one initial state {@code [q..., p...]} of length {@code 2n} in float64. The runtime
   * passes a generator seeded from the descriptor, so equal seeds give equal states.
   */
  double[] sampleInitialState(RandomGenerator random);

  /**
   * Quantities besides the energy that the exact flow conserves (momentum, angular momentum…),
   * reported as drifts by simulation jobs. The energy itself is always reported.
   */
  default List<ConservedQuantity> conservedQuantities() {
    return List.of();
  }
}

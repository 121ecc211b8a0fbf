package hamflow.api.model;

import hamflow.api.integrate.HamiltonianField;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A built model: a learned vector field on phase space, written with the ops of the graph it was
 * built in. Batches are {@code [batch, 2n]}, q first then p.
 *
 * @param <T> the graph's floating dtype
 */
public interface LearnedField<T extends TFloating> {

  /** The predicted {@code dx/dt} at every state: {@code [batch, 2n]} in and out. */
  Operand<T> timeDerivative(Operand<T> x);

  /**
   * The learned Hamiltonian {@code H_θ(x)}, shape {@code [batch]}, for models that learn one
   * (an HNN); empty for models that predict the field directly (the baseline).
   */
  default Optional<Operand<T>> hamiltonian(Operand<T> x) {
    return Optional.empty();
  }

  /**
   * This model as a Hamiltonian field any integrator can advance, when it learns a Hamiltonian
   * (its {@code timeDerivative} is then the symplectic gradient of {@link #hamiltonian}).
   */
  default Optional<HamiltonianField<T>> asHamiltonianField() {
    return Optional.empty();
  }
}

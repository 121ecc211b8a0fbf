package hamflow.api.flow;

import hamflow.api.model.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * An invertible map of phase space with a tractable Jacobian determinant, the building block of
 * a normalizing flow or a neural canonical transformation; the shape of TensorFlow Probability's
 * bijectors ({@code forward}, {@code inverse}, {@code forward_log_det_jacobian}).
 *
 * <p>Direction: {@link Built#forward} is the map {@code z = T(x)} from physical variables
 * {@code x} towards latent variables {@code z}; {@link Built#inverse} is {@code T⁻¹}, used to push
 * samples of a latent prior to phase space. Both are on batches {@code [batch, 2n]}, the n
 * coordinates first, then the n momenta, of the graph's dtype.
 *
 * <p>Composition is the runtime's (a descriptor's {@code layers:} list): a stack applies its
 * layers' {@code forward} in order, their {@code inverse} in reverse order, and sums their
 * log-determinants. A layer is created from its parameters by a {@link LayerFactory}; it must not
 * hold graph state: every {@link #build} call adds a fresh, independent set of variables.
 */
public interface BijectiveLayer {

  /**
   * Whether the map is canonical (symplectic): its Jacobian J satisfies {@code JᵀΩJ = Ω} with
   * {@code Ω = [[0, I], [−I, 0]]} at every point and for every value of the layer's variables,
   * not just at initialisation. A symplectic layer's {@link Built#logDetJacobian} is zero by
   * contract (det J = 1). Fixed by the parameters: known before {@link #build}.
   */
  boolean symplectic();

  /**
   * Adds the layer's variables for a phase space of {@code degreesOfFreedom} = n coordinates
   * (batches {@code [batch, 2n]}). Variables come from {@code g} (the runtime owns, initialises,
   * trains and checkpoints them; initial values are drawn from {@link ModelContext#random()});
   * names need only be unique within this layer: the runtime prefixes them per layer of a stack.
   * The returned map may be applied to any number of inputs; they share the variables.
   *
   * @throws IllegalArgumentException if the layer cannot act on this many degrees of freedom
   */
  <T extends TFloating> Built<T> build(ModelContext<T> g, int degreesOfFreedom);

  /**
   * A layer built into a graph: a bijection of {@code R^{2n}}, exact and invertible in closed
   * form (no iterative solve), differentiable in its input and in its variables.
   *
   * @param <T> the graph's floating dtype
   */
  interface Built<T extends TFloating> {

    /** {@code z = T(x)}: {@code [batch, 2n]} in and out. */
    Operand<T> forward(Operand<T> x);

    /**
     * {@code x = T⁻¹(z)}: {@code [batch, 2n]} in and out; {@code inverse(forward(x)) = x} up to
     * round-off.
     */
    Operand<T> inverse(Operand<T> z);

    /**
     * {@code log |det ∂T/∂x|} at each example of {@code x}, shape {@code [batch]}. Zero for a
     * {@link BijectiveLayer#symplectic()} layer. The log-determinant of the inverse at {@code z}
     * is {@code −logDetJacobian(inverse(z))}.
     */
    Operand<T> logDetJacobian(Operand<T> x);
  }
}

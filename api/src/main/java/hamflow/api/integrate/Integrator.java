package hamflow.api.integrate;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A one-step method for Hamilton's equations, written with TensorFlow ops.
 *
 * <p>{@link #step} maps a batch of states {@code x} ({@code [batch, 2n]}, q then p) to the
 * states one step of size {@code dt} later, same shape and dtype. {@code dt} is a scalar operand
 * so one graph serves any step size. Implementations are stateless and must not run ops.
 */
public interface Integrator {

  /** Whether the step map is a symplectic map (so {@code JᵀΩJ = Ω}) for the fields it accepts. */
  boolean symplectic();

  /** The global order of accuracy p: error at a fixed time scales as {@code dt^p}. */
  int order();

  /**
   * Whether the method needs a separable Hamiltonian (explicit splitting methods do). The runtime
   * rejects a descriptor pairing such an integrator with a non-separable system.
   */
  boolean requiresSeparable();

  /**
   * Whether the step draws random numbers (a thermostat's noise), so that it is a Markov kernel
   * rather than a deterministic map. Deterministic checks (convergence order, {@code JᵀΩJ = Ω},
   * bounded energy error) do not apply to such a method; statistical ones do. False by default.
   */
  default boolean stochastic() {
    return false;
  }

  /** One step: {@code x(t) → x(t + dt)}. */
  <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt);
}

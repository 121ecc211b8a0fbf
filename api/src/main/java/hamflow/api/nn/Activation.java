package hamflow.api.nn;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Smooth activations for networks whose input gradient is itself trained (an HNN differentiates
 * its output with respect to its input, so the activation needs a non-zero second derivative).
 * Each gives its value and its derivative as forward ops, for the closed-form input gradient.
 */
public enum Activation {
  /** {@code tanh z}; derivative {@code 1 − tanh² z}. Greydanus et al.'s choice. */
  TANH,
  /** {@code ln(1 + e^z)}; derivative the logistic sigmoid. */
  SOFTPLUS,
  /** {@code sin z}; derivative {@code cos z} (periodic features, SIREN-style). */
  SIN;

  /** σ(z), elementwise. */
  public <T extends TFloating> Operand<T> apply(GraphContext<T> g, Operand<T> z) {
    Ops tf = g.tf();
    return switch (this) {
      case TANH -> tf.math.tanh(z);
      case SOFTPLUS -> tf.math.softplus(z);
      case SIN -> tf.math.sin(z);
    };
  }

  /** σ'(z) given z and a = σ(z) (tanh reuses a, saving a transcendental per unit). */
  public <T extends TFloating> Operand<T> derivative(GraphContext<T> g, Operand<T> z, Operand<T> a) {
    Ops tf = g.tf();
    return switch (this) {
      case TANH -> tf.math.sub(g.constant(1.0), tf.math.square(a));
      case SOFTPLUS -> tf.math.sigmoid(z);
      case SIN -> tf.math.cos(z);
    };
  }
}

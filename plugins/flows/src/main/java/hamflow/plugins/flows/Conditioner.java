package hamflow.plugins.flows;

import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Initializers;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * The conditioner network of a coupling that also needs its vector-Jacobian product:
 * {@code in → width (×depth, activation) → out}, with a zero-initialised linear output layer, so
 * a coupling built on it starts as the identity (Real NVP / Glow practice).
 *
 * <p>Weights are in the NTK parametrisation: a layer computes {@code (h W)/√fanIn + b} with W
 * drawn {@code U[±1]}, the same function at initialisation as PyTorch's default
 * {@code U[±1/√fanIn]} draw, but a change of O(1) in the weights (an optimizer step, or the
 * contract tests' perturbation) changes the output by O(1) whatever the width, instead of by
 * O(√width) per layer; over eight couplings of width 128 the latter makes the map numerically
 * meaningless (Jacobians of 1e14 at n = 3 in the contract tests).
 *
 * <p>{@link #vectorJacobian} gives {@code cᵀ ∂y/∂x} for a per-example seed c as plain forward
 * ops (back-propagation written out, as {@code Mlp.inputGradient} does for one output): a layer
 * that uses it in its map is trained by first-order autodiff of those ops, with no dependence on
 * second-order gradient registrations and the same cost as one more forward pass.
 *
 * @param <T> the graph's floating dtype
 */
final class Conditioner<T extends TFloating> {
  private final ModelContext<T> g;
  private final Activation activation;
  private final List<Operand<T>> kernels = new ArrayList<>(); // hidden layers, then output
  private final List<Operand<T>> biases = new ArrayList<>();
  private final List<Operand<T>> scales = new ArrayList<>(); // 1/√fanIn per layer

  /** One evaluation: the output and what the vector-Jacobian product reuses. */
  record Evaluation<T extends TFloating>(
      Operand<T> output, List<Operand<T>> preActivations, List<Operand<T>> activations) {}

  /**
   * Variables {@code name/layerK/kernel} and {@code name/layerK/bias}; hidden kernels drawn
   * {@code U[±1]} (scaled by {@code 1/√fanIn} in the graph), hidden biases
   * {@code U[±1/√fanIn]}, the output layer zero.
   */
  Conditioner(ModelContext<T> g, String name, int in, int width, int depth, int out,
      Activation activation) {
    this.g = g;
    this.activation = activation;
    int fanIn = in;
    for (int k = 0; k <= depth; k++) {
      boolean last = k == depth;
      int fanOut = last ? out : width;
      double bound = 1.0 / Math.sqrt(fanIn);
      String layer = name + "/layer" + (k + 1);
      kernels.add(g.variable(layer + "/kernel", last
          ? Initializers.zeros(fanIn * fanOut)
          : Initializers.uniform(g.random(), fanIn * fanOut, 1.0), fanIn, fanOut));
      biases.add(g.variable(layer + "/bias", last
          ? Initializers.zeros(fanOut)
          : Initializers.uniform(g.random(), fanOut, bound), fanOut));
      scales.add(g.constant(bound));
      fanIn = fanOut;
    }
  }

  /** The network at {@code x}, {@code [batch, in]} → output {@code [batch, out]}. */
  Evaluation<T> apply(Operand<T> x) {
    Ops tf = g.tf();
    List<Operand<T>> zs = new ArrayList<>();
    List<Operand<T>> as = new ArrayList<>();
    Operand<T> h = x;
    for (int k = 0; k < kernels.size(); k++) {
      Operand<T> z = tf.math.add(
          tf.math.mul(tf.linalg.matMul(h, kernels.get(k)), scales.get(k)), biases.get(k));
      if (k + 1 < kernels.size()) {
        zs.add(z);
        h = activation.apply(g, z);
        as.add(h);
      } else {
        h = z;
      }
    }
    return new Evaluation<>(h, zs, as);
  }

  /**
   * {@code Σ_j c_j ∂y_j/∂x} per example, {@code [batch, in]}, for the evaluation {@code e} at x and
   * a seed {@code c} of shape {@code [batch, out]}: {@code δ = c W_Lᵀ/√fanIn_L},
   * {@code δ ← (δ ⊙ σ'(z_k)) W_kᵀ/√fanIn_k} down to the input.
   */
  Operand<T> vectorJacobian(Evaluation<T> e, Operand<T> seed) {
    Ops tf = g.tf();
    int last = kernels.size() - 1;
    Operand<T> delta = tf.math.mul(
        tf.linalg.matMul(seed, kernels.get(last), MatMul.transposeB(true)), scales.get(last));
    for (int k = last - 1; k >= 0; k--) {
      delta = tf.math.mul(delta,
          activation.derivative(g, e.preActivations().get(k), e.activations().get(k)));
      delta = tf.math.mul(
          tf.linalg.matMul(delta, kernels.get(k), MatMul.transposeB(true)), scales.get(k));
    }
    return delta;
  }
}

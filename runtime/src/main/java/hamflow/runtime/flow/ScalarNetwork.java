package hamflow.runtime.flow;

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
 * A scalar MLP {@code R^in → R} with its input gradient in closed form, in the NTK
 * parametrisation: a layer computes {@code (h W)/√fanIn + b} with W drawn {@code U[±1]}, the
 * same function at initialisation as {@code hamflow.api.nn.Mlp}'s PyTorch draw, but a change of
 * O(1) in the weights changes the gradient by O(1) rather than O(width) over two hidden layers.
 * A flow integrates this gradient for a finite time, so its Jacobian grows like
 * {@code exp(t·|∇²G|)}: with the standard parametrisation, weights perturbed by 0.5 (the contract
 * tests) give Jacobians of 1e3 at width 32 and symplecticity defects at the edge of round-off.
 *
 * @param <T> the graph's floating dtype
 */
final class ScalarNetwork<T extends TFloating> {
  private final ModelContext<T> g;
  private final Activation activation;
  private final List<Operand<T>> kernels = new ArrayList<>();
  private final List<Operand<T>> biases = new ArrayList<>(); // hidden layers only
  private final List<Operand<T>> scales = new ArrayList<>();

  /** Variables {@code name/layerK/kernel} and, for hidden layers, {@code name/layerK/bias}. */
  ScalarNetwork(ModelContext<T> g, String name, int in, int width, int depth, Activation activation) {
    this.g = g;
    this.activation = activation;
    int fanIn = in;
    for (int k = 0; k <= depth; k++) {
      int fanOut = k == depth ? 1 : width;
      double bound = 1.0 / Math.sqrt(fanIn);
      String layer = name + "/layer" + (k + 1);
      kernels.add(g.variable(layer + "/kernel",
          Initializers.uniform(g.random(), fanIn * fanOut, 1.0), fanIn, fanOut));
      if (k < depth) { // no output bias: it only shifts G and gets no gradient
        biases.add(g.variable(layer + "/bias",
            Initializers.uniform(g.random(), fanOut, bound), fanOut));
      }
      scales.add(g.constant(bound));
      fanIn = fanOut;
    }
  }

  /** {@code ∂G/∂x} per example, {@code [batch, in]}: back-propagation written as forward ops. */
  Operand<T> inputGradient(Operand<T> x) {
    Ops tf = g.tf();
    List<Operand<T>> zs = new ArrayList<>();
    List<Operand<T>> as = new ArrayList<>();
    Operand<T> h = x;
    for (int k = 0; k < biases.size(); k++) {
      Operand<T> z = tf.math.add(tf.math.mul(tf.linalg.matMul(h, kernels.get(k)), scales.get(k)),
          biases.get(k));
      zs.add(z);
      h = activation.apply(g, z);
      as.add(h);
    }
    int last = kernels.size() - 1;
    // The output is linear with one unit: the signal into the last hidden layer is its column.
    Operand<T> delta = tf.math.mul(
        tf.linalg.transpose(kernels.get(last), tf.constant(new int[] {1, 0})), scales.get(last));
    for (int k = last - 1; k >= 0; k--) {
      delta = tf.math.mul(delta, activation.derivative(g, zs.get(k), as.get(k)));
      delta = tf.math.mul(tf.linalg.matMul(delta, kernels.get(k), MatMul.transposeB(true)),
          scales.get(k));
    }
    return delta;
  }
}

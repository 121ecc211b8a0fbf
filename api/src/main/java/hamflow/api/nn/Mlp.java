package hamflow.api.nn;

import hamflow.api.model.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A fully connected network {@code in → hidden… → out} with one activation after every hidden
 * layer and a linear output layer, built from a {@link ModelContext}'s variables.
 *
 * <p>Weights are stored {@code [fanIn, fanOut]} so a layer is {@code x·W + b} on a batch
 * {@code [batch, fanIn]}. Orthogonal weights and PyTorch's default bias draw
 * ({@code U[±1/√fanIn]}) reproduce the HNN peers' initialisation. For a scalar output,
 * {@link #inputGradient} gives {@code ∂y/∂x} as plain forward ops (back-propagation written out),
 * so a loss on the input gradient needs only first-order autodiff to train.
 *
 * @param <T> the graph's floating dtype
 */
public final class Mlp<T extends TFloating> {
  private final ModelContext<T> g;
  private final Activation activation;
  private final List<Operand<T>> kernels = new ArrayList<>();
  private final List<Optional<Operand<T>>> biases = new ArrayList<>();

  private Mlp(ModelContext<T> g, Activation activation) {
    this.g = g;
    this.activation = activation;
  }

  /**
   * Creates the variables of a network named {@code name} ({@code name/layerK/kernel},
   * {@code name/layerK/bias}).
   *
   * @param orthogonal orthogonal weight init, else PyTorch's default {@code U[±1/√fanIn]}
   * @param outputBias whether the output layer has a bias (an HNN's has none: it would only
   *     shift {@code H} and gets no gradient)
   */
  public static <T extends TFloating> Mlp<T> create(
      ModelContext<T> g, String name, int in, List<Integer> hidden, int out,
      Activation activation, boolean orthogonal, boolean outputBias) {
    Mlp<T> mlp = new Mlp<>(g, activation);
    List<Integer> widths = new ArrayList<>();
    widths.add(in);
    widths.addAll(hidden);
    widths.add(out);
    for (int k = 0; k + 1 < widths.size(); k++) {
      int fanIn = widths.get(k);
      int fanOut = widths.get(k + 1);
      double bound = 1.0 / Math.sqrt(fanIn);
      double[] w = orthogonal
          ? transpose(Initializers.orthogonal(g.random(), fanOut, fanIn), fanOut, fanIn)
          : Initializers.uniform(g.random(), fanIn * fanOut, bound);
      String layer = name + "/layer" + (k + 1);
      mlp.kernels.add(g.variable(layer + "/kernel", w, fanIn, fanOut));
      boolean last = k + 2 == widths.size();
      mlp.biases.add(last && !outputBias
          ? Optional.empty()
          : Optional.of(g.variable(layer + "/bias", Initializers.uniform(g.random(), fanOut, bound), fanOut)));
    }
    return mlp;
  }

  /** The network's output, {@code [batch, out]}. */
  public Operand<T> apply(Operand<T> x) {
    return forward(x).output;
  }

  /**
   * {@code ∂(Σ_b y_b)/∂x} for a network with one output, {@code [batch, in]}: the chain rule
   * written as forward ops ({@code δ_L = w_L}, {@code δ_k = (δ_{k+1} W_{k+1}ᵀ) ⊙ σ'(z_k)},
   * gradient {@code δ_1 W_1ᵀ}). Agrees with autodiff of {@link #apply}; tested.
   */
  public Operand<T> inputGradient(Operand<T> x) {
    Ops tf = g.tf();
    Forward<T> f = forward(x);
    int layers = kernels.size();
    // Output layer is linear with one unit: the back-propagated signal into the last hidden
    // layer is its kernel's column, the same for every example.
    Operand<T> delta = tf.linalg.transpose(kernels.get(layers - 1), tf.constant(new int[] {1, 0}));
    for (int k = layers - 2; k >= 0; k--) {
      Operand<T> sigmaPrime = activation.derivative(g, f.preActivations.get(k), f.activations.get(k));
      delta = tf.math.mul(delta, sigmaPrime); // broadcasts [1, h] against [batch, h] at the top
      delta = tf.linalg.matMul(delta, kernels.get(k),
          org.tensorflow.op.linalg.MatMul.transposeB(true));
    }
    return delta;
  }

  private record Forward<T extends TFloating>(
      Operand<T> output, List<Operand<T>> preActivations, List<Operand<T>> activations) {}

  private Forward<T> forward(Operand<T> x) {
    Ops tf = g.tf();
    List<Operand<T>> zs = new ArrayList<>();
    List<Operand<T>> as = new ArrayList<>();
    Operand<T> h = x;
    for (int k = 0; k < kernels.size(); k++) {
      Operand<T> z = tf.linalg.matMul(h, kernels.get(k));
      if (biases.get(k).isPresent()) {
        z = tf.nn.biasAdd(z, biases.get(k).get());
      }
      if (k + 1 < kernels.size()) {
        zs.add(z);
        h = activation.apply(g, z);
        as.add(h);
      } else {
        h = z;
      }
    }
    return new Forward<>(h, zs, as);
  }

  private static double[] transpose(double[] m, int rows, int cols) {
    double[] t = new double[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }
}

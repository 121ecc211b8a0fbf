package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Initializers;
import hamflow.api.nn.Mlp;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.train.FrozenVariables;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * The HNN's input gradient: the closed form of {@link Mlp#inputGradient} against TensorFlow's
 * autodiff, the models' fields as symplectic gradients of their learned H, and the orthogonal
 * initialisation.
 */
class MlpGradientTest {
  // Both paths evaluate the same chain rule in float64 on O(1) values through ≤ 4 matmuls; they
  // differ only in summation order, i.e. by a few hundred ulps at most.
  private static final double TOL = 1e-12;

  static List<Arguments> activationsAndDepths() {
    List<Arguments> out = new ArrayList<>();
    for (Activation a : Activation.values()) {
      for (int depth = 1; depth <= 3; depth++) {
        out.add(Arguments.of(a, depth));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}, depth {1}")
  @MethodSource("activationsAndDepths")
  void closedFormInputGradientEqualsAutodiff(Activation activation, int depth) {
    int in = 4;
    int width = 9;
    SplittableRandom random = new SplittableRandom(31L * depth + activation.ordinal());
    Map<String, double[]> weights = randomMlp(random, "net", in, Collections.nCopies(depth, width), 1, true);
    double[][] states = randomStates(random, 7, in, 1.5);
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Mlp<TFloat64> mlp = Mlp.create(new FrozenVariables<>(g, weights, ""), "net", in,
          Collections.nCopies(depth, width), 1, activation, false, true);
      Operand<TFloat64> x = g.placeholder();
      List<double[]> r = Eval.run(g, x, states, mlp.inputGradient(x), g.gradient(mlp.apply(x), x));
      assertThat(r.get(0)).hasSize(7 * in);
      assertThat(Runs.maxAbs(r.get(1))).as("gradient is not trivially zero").isGreaterThan(1e-2);
      System.out.printf("input gradient %s depth %d: max |closed form - autodiff| %.1e%n",
          activation, depth, Runs.maxAbsDiff(r.get(0), r.get(1)));
      assertThat(Runs.maxAbsDiff(r.get(0), r.get(1)))
          .as("closed form vs autodiff, %s depth %d", activation, depth)
          .isLessThan(TOL * Math.max(1, Runs.maxAbs(r.get(1))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void hnnClosedFormAndAutodiffGiveTheSameField(Activation activation) {
    int n = 2;
    int width = 12;
    int depth = 2;
    SplittableRandom random = new SplittableRandom(7 + activation.ordinal());
    Map<String, double[]> weights =
        randomMlp(random, "hnn", 2 * n, Collections.nCopies(depth, width), 1, false);
    double[][] states = randomStates(random, 11, 2 * n, 1.2);
    String act = activation.name().toLowerCase(java.util.Locale.ROOT);
    Model closed = model("hnn", "width: 12, depth: 2, activation: " + act + ", gradient: closed-form");
    Model auto = model("hnn", "width: 12, depth: 2, activation: " + act + ", gradient: autodiff");
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      LearnedField<TFloat64> a = closed.build(new FrozenVariables<>(g, weights, ""), n);
      LearnedField<TFloat64> b = auto.build(new FrozenVariables<>(g, weights, ""), n);
      Operand<TFloat64> x = g.placeholder();
      List<double[]> r = Eval.run(g, x, states, a.timeDerivative(x), b.timeDerivative(x),
          a.hamiltonian(x).orElseThrow(), b.hamiltonian(x).orElseThrow());
      assertThat(Runs.maxAbs(r.get(0))).isGreaterThan(1e-2);
      assertThat(Runs.maxAbsDiff(r.get(0), r.get(1))).as("dx/dt closed form vs autodiff")
          .isLessThan(TOL * Math.max(1, Runs.maxAbs(r.get(0))));
      // Same weights, same forward pass: the two H are the same ops, so bit-equal.
      assertThat(r.get(2)).containsExactly(r.get(3));
    }
  }

  /**
   * Training differentiates the field again (a loss on dH/dx). Both gradient paths must support
   * that for every activation and agree: ∂(Σ|f|²)/∂x involves the second derivatives of H.
   * (Fails today for softplus with autodiff: TF has no gradient for SoftplusGrad and the runtime
   * registers only TanhGrad's, so such an HNN cannot be trained.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void secondDerivativesAgreeBetweenClosedFormAndAutodiff(Activation activation) {
    int n = 1;
    SplittableRandom random = new SplittableRandom(13 + activation.ordinal());
    Map<String, double[]> weights = randomMlp(random, "hnn", 2 * n, List.of(10, 10), 1, false);
    double[][] states = randomStates(random, 6, 2 * n, 1.2);
    String act = activation.name().toLowerCase(java.util.Locale.ROOT);
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      LearnedField<TFloat64> a = model("hnn", "width: 10, activation: " + act
          + ", gradient: closed-form").build(new FrozenVariables<>(g, weights, ""), n);
      Operand<TFloat64> ga = g.gradient(g.tf().math.square(a.timeDerivative(x)), x);
      LearnedField<TFloat64> b = model("hnn", "width: 10, activation: " + act
          + ", gradient: autodiff").build(new FrozenVariables<>(g, weights, ""), n);
      Operand<TFloat64> gb = g.gradient(g.tf().math.square(b.timeDerivative(x)), x);
      List<double[]> r = Eval.run(g, x, states, ga, gb);
      assertThat(Runs.maxAbs(r.get(0))).isGreaterThan(1e-2);
      assertThat(Runs.maxAbsDiff(r.get(0), r.get(1)))
          .isLessThan(TOL * Math.max(1, Runs.maxAbs(r.get(0))));
    }
  }

  static List<Activation> activations() {
    return List.of(Activation.values());
  }

  @Test
  void hnnFieldIsTheSymplecticGradientOfItsHamiltonian() {
    int n = 2;
    SplittableRandom random = new SplittableRandom(3);
    Map<String, double[]> weights = randomMlp(random, "hnn", 2 * n, List.of(10, 10), 1, false);
    assertSymplecticGradient(model("hnn", "width: 10, depth: 2"), weights, n, random);
  }

  @Test
  void separableHnnFieldIsTheSymplecticGradientOfItsHamiltonian() {
    int n = 2;
    SplittableRandom random = new SplittableRandom(4);
    Map<String, double[]> weights = new LinkedHashMap<>();
    weights.putAll(randomMlp(random, "kinetic", n, List.of(8, 8), 1, false));
    weights.putAll(randomMlp(random, "potential", n, List.of(8, 8), 1, false));
    assertSymplecticGradient(model("separable-hnn", "width: 8, depth: 2"), weights, n, random);
  }

  /** dx/dt = (∂H/∂p, −∂H/∂q) with ∇H by autodiff of the model's own H. */
  private static void assertSymplecticGradient(
      Model model, Map<String, double[]> weights, int n, RandomGenerator random) {
    double[][] states = randomStates(random, 9, 2 * n, 1.2);
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      LearnedField<TFloat64> f = model.build(new FrozenVariables<>(g, weights, ""), n);
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = f.hamiltonian(x).orElseThrow();
      Operand<TFloat64> grad = g.gradient(h, x);
      Operand<TFloat64> symplectic =
          g.phaseSpace(g.momenta(grad, n), g.tf().math.neg(g.positions(grad, n)));
      List<double[]> r = Eval.run(g, x, states, f.timeDerivative(x), symplectic, h);
      assertThat(r.get(2)).as("H is one scalar per state").hasSize(states.length);
      assertThat(Runs.maxAbs(r.get(0))).isGreaterThan(1e-2);
      assertThat(Runs.maxAbsDiff(r.get(0), r.get(1)))
          .isLessThan(TOL * Math.max(1, Runs.maxAbs(r.get(1))));
      // The field is Hamiltonian: it conserves H to first order, ∇H · dx/dt = 0 at every state.
      double[] gradH = Eval.run(g, x, states, grad).get(0);
      for (int b = 0; b < states.length; b++) {
        double dot = 0;
        for (int c = 0; c < 2 * n; c++) {
          dot += gradH[b * 2 * n + c] * r.get(0)[b * 2 * n + c];
        }
        assertThat(Math.abs(dot)).isLessThan(TOL);
      }
    }
  }

  @Test
  void orthogonalInitialisationHasOrthonormalColumnsOrRows() {
    SplittableRandom random = new SplittableRandom(11);
    int[][] shapes = {{7, 3}, {3, 7}, {5, 5}, {200, 2}, {2, 200}, {200, 200}, {1, 200}, {200, 1}};
    for (int[] s : shapes) {
      int rows = s[0];
      int cols = s[1];
      double[] w = Initializers.orthogonal(random, rows, cols);
      assertThat(w).hasSize(rows * cols);
      // Gram matrix of the shorter side: WᵀW (cols × cols) for tall, WWᵀ (rows × rows) for wide.
      // Twice-repeated Gram–Schmidt keeps it at the identity to a few ulps times the length.
      assertThat(gramDeviation(w, rows, cols)).as("%dx%d", rows, cols).isLessThan(1e-12);
    }
  }

  @Test
  void mlpKernelsAreOrthogonalInTheirStoredLayout() {
    // Kernels are stored [fanIn, fanOut]; the shorter side must be orthonormal in that layout.
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Recording ctx = new Recording(g);
      Mlp.create(ctx, "net", 2, List.of(30, 30), 1, Activation.TANH, true, false);
      assertStoredLayout(ctx);
    }
  }

  private static void assertStoredLayout(Recording ctx) {
    assertThat(ctx.shapes.keySet()).containsExactly("net/layer1/kernel", "net/layer1/bias",
        "net/layer2/kernel", "net/layer2/bias", "net/layer3/kernel");
    for (String k : List.of("net/layer1/kernel", "net/layer2/kernel", "net/layer3/kernel")) {
      long[] shape = ctx.shapes.get(k);
      assertThat(gramDeviation(ctx.values.get(k), (int) shape[0], (int) shape[1])).as(k)
          .isLessThan(1e-12);
    }
    assertThat(ctx.shapes.get("net/layer1/kernel")).containsExactly(2, 30);
    assertThat(ctx.shapes.get("net/layer3/kernel")).containsExactly(30, 1);
    // PyTorch's default bias draw: U[±1/√fanIn].
    assertThat(Runs.maxAbs(ctx.values.get("net/layer1/bias"))).isLessThanOrEqualTo(1 / Math.sqrt(2));
    assertThat(Runs.maxAbs(ctx.values.get("net/layer2/bias"))).isLessThanOrEqualTo(1 / Math.sqrt(30));
  }

  /** max |G − I| for the Gram matrix of the shorter side of a row-major rows × cols matrix. */
  private static double gramDeviation(double[] w, int rows, int cols) {
    boolean tall = rows >= cols;
    int k = tall ? cols : rows;
    int len = tall ? rows : cols;
    double worst = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double dot = 0;
        for (int i = 0; i < len; i++) {
          double u = tall ? w[i * cols + a] : w[a * cols + i];
          double v = tall ? w[i * cols + b] : w[b * cols + i];
          dot += u * v;
        }
        worst = Math.max(worst, Math.abs(dot - (a == b ? 1 : 0)));
      }
    }
    return worst;
  }

  /** A model type from the registry with the given fields (YAML flow text). */
  static Model model(String type, String fields) {
    return Runs.REGISTRY.find(Kind.MODEL, type)
        .flatMap(f -> Binder.create(f, fields, Model.class))
        .orElseThrow(() -> new AssertionError("cannot create " + type + " {" + fields + "}"));
  }

  /**
   * Weights of an MLP named {@code name} as {@link Mlp} names them ({@code name/layerK/kernel}
   * [fanIn, fanOut], {@code name/layerK/bias} [fanOut]), Gaussian with std 1/√fanIn.
   */
  static Map<String, double[]> randomMlp(RandomGenerator random, String name, int in,
      List<Integer> hidden, int out, boolean outputBias) {
    List<Integer> widths = new ArrayList<>();
    widths.add(in);
    widths.addAll(hidden);
    widths.add(out);
    Map<String, double[]> w = new LinkedHashMap<>();
    for (int k = 0; k + 1 < widths.size(); k++) {
      int fanIn = widths.get(k);
      int fanOut = widths.get(k + 1);
      String layer = name + "/layer" + (k + 1);
      w.put(layer + "/kernel", gaussian(random, fanIn * fanOut, 1.0 / Math.sqrt(fanIn)));
      if (k + 2 < widths.size() || outputBias) {
        w.put(layer + "/bias", gaussian(random, fanOut, 0.5));
      }
    }
    return w;
  }

  static double[][] randomStates(RandomGenerator random, int batch, int dim, double box) {
    double[][] x = new double[batch][dim];
    for (double[] row : x) {
      for (int c = 0; c < dim; c++) {
        row[c] = box * (2 * random.nextDouble() - 1);
      }
    }
    return x;
  }

  private static double[] gaussian(RandomGenerator random, int count, double std) {
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = std * random.nextGaussian();
    }
    return v;
  }

  /** A model context that records the initial values it is handed (variables are constants). */
  private static final class Recording implements ModelContext<TFloat64> {
    final Map<String, double[]> values = new LinkedHashMap<>();
    final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(5);
    private final TfGraph<TFloat64> g;

    Recording(TfGraph<TFloat64> g) {
      this.g = g;
    }

    @Override
    public Operand<TFloat64> variable(String name, double[] initial, long... shape) {
      values.put(name, initial.clone());
      shapes.put(name, shape.clone());
      return g.tf().constant(org.tensorflow.ndarray.Shape.of(shape),
          org.tensorflow.ndarray.buffer.DataBuffers.of(initial.clone()));
    }

    @Override
    public RandomGenerator random() {
      return random;
    }

    @Override
    public org.tensorflow.op.Ops tf() {
      return g.tf();
    }

    @Override
    public Class<TFloat64> dtype() {
      return TFloat64.class;
    }

    @Override
    public Operand<TFloat64> constant(double value) {
      return g.constant(value);
    }
  }
}

package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.RandomWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * {@code zero-center} in a training graph: the output of a batch has zero mean (up to the learned
 * shift), the batch mean goes to the running average once per build, inverse undoes forward with
 * the same mean, and the per-example Jacobian is the identity (the batch mean is a statistic).
 * The contract tests cover the evaluation graph, where the layer is a plain shift.
 */
class ZeroCenterTest {
  private static final int N = 2;
  private static final int BATCH = 7;

  /** A training context over {@link RandomWeights} that records running-average requests. */
  private static final class Training implements ModelContext<TFloat64> {
    final RandomWeights<TFloat64> weights;
    final List<String> averages = new ArrayList<>();
    final boolean exact;

    Training(RandomWeights<TFloat64> weights) {
      this(weights, false);
    }

    Training(RandomWeights<TFloat64> weights, boolean exact) {
      this.weights = weights;
      this.exact = exact;
    }

    @Override
    public boolean exactGradients() {
      return exact;
    }

    @Override
    public Ops tf() {
      return weights.tf();
    }

    @Override
    public Class<TFloat64> dtype() {
      return weights.dtype();
    }

    @Override
    public Operand<TFloat64> constant(double value) {
      return weights.constant(value);
    }

    @Override
    public Operand<TFloat64> variable(String name, double[] initial, long... shape) {
      return weights.variable(name, initial, shape);
    }

    @Override
    public RandomGenerator random() {
      return weights.random();
    }

    @Override
    public boolean training() {
      return true;
    }

    @Override
    public Operand<TFloat64> runningAverage(String name, Operand<TFloat64> batchValue,
        double momentum, double[] initial, long... shape) {
      averages.add(name + (batchValue == null ? " (stored)" : " (batch)"));
      return ModelContext.super.runningAverage(name, batchValue, momentum, initial, shape);
    }
  }

  @Test
  void trainingGraphCentresTheBatch() {
    BijectiveLayer layer = FlowPlugins.layer("zero-center", "");
    double[][] x = new double[BATCH][2 * N];
    SplittableRandom random = new SplittableRandom(4);
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = 3 + 2 * random.nextGaussian(); // far from centred
      }
    }
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Training context = new Training(new RandomWeights<>(g, 5, 0.3));
      BijectiveLayer.Built<TFloat64> built = layer.build(context, N);
      Operand<TFloat64> in = g.placeholder();
      Operand<TFloat64> z = built.forward(in);
      Operand<TFloat64> back = built.inverse(z);
      Operand<TFloat64> again = built.forward(in);
      Operand<TFloat64> first = g.tf().slice(z, g.tf().constant(new int[] {0, 0}),
          g.tf().constant(new int[] {-1, 1}));
      List<double[]> out = PointTransformationTest.run(g, List.of(in), List.<double[][]>of(x),
          List.of(z, back, again, g.gradient(first, in)));
      double[] shift = context.weights.values().get("shift");
      double meanError = 0;
      double roundTrip = 0;
      for (int i = 0; i < 2 * N; i++) {
        double mean = 0;
        for (int b = 0; b < BATCH; b++) {
          mean += out.get(0)[b * 2 * N + i] / BATCH;
          roundTrip = Math.max(roundTrip, Math.abs(out.get(1)[b * 2 * N + i] - x[b][i]));
          assertThat(out.get(2)[b * 2 * N + i]).isEqualTo(out.get(0)[b * 2 * N + i]);
        }
        meanError = Math.max(meanError, Math.abs(mean + shift[i]));
      }
      double[] jacobianRow = out.get(3); // ∂z_0/∂x per example: (1, 0, …), no batch coupling
      double jacobianError = 0;
      for (int b = 0; b < BATCH; b++) {
        for (int i = 0; i < 2 * N; i++) {
          jacobianError = Math.max(jacobianError,
              Math.abs(jacobianRow[b * 2 * N + i] - (i == 0 ? 1 : 0)));
        }
      }
      System.out.printf("[zero-center] training: |batch mean of z + b| %.1e, round trip %.1e, "
          + "|∂z₀/∂x - e₀| %.1e, running averages %s%n", meanError, roundTrip, jacobianError,
          context.averages);
      assertThat(meanError).as("batch mean of z = -b").isLessThan(1e-14);
      assertThat(roundTrip).as("inverse(forward(x)) - x").isLessThan(1e-14);
      assertThat(jacobianError).as("per-example Jacobian row").isLessThan(1e-15);
      assertThat(context.averages).containsExactly("mean (batch)");
      assertThat(java.util.Arrays.stream(shift).map(Math::abs).max().orElse(0))
          .as("not vacuous: the learned shift is perturbed").isGreaterThan(1e-3);
    }
  }

  /**
   * In a graph built for L-BFGS ({@code exactGradients}), or with {@code mean-gradient: true},
   * the batch mean carries its gradient, so that the gradient is that of the batch loss itself:
   * {@code ∂z₀₀/∂x_b0 = δ_b0 − 1/batch}; otherwise {@code δ_b0}.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void exactGradientsDifferentiateTheBatchMean(boolean meanGradient) {
    BijectiveLayer layer = FlowPlugins.layer("zero-center",
        "learned-shift: false, mean-gradient: " + meanGradient);
    double[][] x = new double[BATCH][2 * N];
    SplittableRandom random = new SplittableRandom(8);
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = 2 + random.nextGaussian();
      }
    }
    for (boolean exact : new boolean[] {true, false}) {
      try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
        BijectiveLayer.Built<TFloat64> built =
            layer.build(new Training(new RandomWeights<>(g, 5, 0.3), exact), N);
        Operand<TFloat64> in = g.placeholder();
        Operand<TFloat64> z00 = g.tf().slice(built.forward(in),
            g.tf().constant(new int[] {0, 0}), g.tf().constant(new int[] {1, 1}));
        double[] grad = PointTransformationTest.run(g, List.of(in), List.<double[][]>of(x),
            List.of(g.gradient(z00, in))).get(0);
        for (int b = 0; b < BATCH; b++) {
          for (int i = 0; i < 2 * N; i++) {
            boolean coupled = exact || meanGradient;
            double expected = i != 0 ? 0 : (b == 0 ? 1 : 0) - (coupled ? 1.0 / BATCH : 0);
            assertThat(grad[b * 2 * N + i]).as("exact %s, mean-gradient %s: ∂z00/∂x[%d][%d]",
                exact, meanGradient, b, i)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
          }
        }
      }
    }
  }

  @Test
  void withoutLearnedShiftTheOutputIsCentredExactly() {
    BijectiveLayer layer = FlowPlugins.layer("zero-center", "learned-shift: false");
    double[][] x = new double[BATCH][2 * N];
    SplittableRandom random = new SplittableRandom(6);
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = -5 + random.nextGaussian();
      }
    }
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Training context = new Training(new RandomWeights<>(g, 5, 0.3));
      BijectiveLayer.Built<TFloat64> built = layer.build(context, N);
      Operand<TFloat64> in = g.placeholder();
      List<double[]> out = PointTransformationTest.run(g, List.of(in), List.<double[][]>of(x),
          List.of(built.forward(in)));
      assertThat(context.weights.values()).doesNotContainKey("shift");
      for (int i = 0; i < 2 * N; i++) {
        double mean = 0;
        for (int b = 0; b < BATCH; b++) {
          mean += out.get(0)[b * 2 * N + i] / BATCH;
        }
        assertThat(Math.abs(mean)).as("batch mean of z, coordinate %d", i).isLessThan(1e-14);
      }
    }
  }
}

package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.RandomWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * What makes {@code point-transformation} a point transformation, beyond being symplectic: the
 * new coordinates depend on the old coordinates only, and the new momenta are the cotangent
 * lift, {@code (∂Q/∂q)ᵀ P = p} (so P is linear in p and {@code P·dQ = p·dq}).
 */
class PointTransformationTest {
  private static final int N = 3;
  private static final int BATCH = 5;

  @Test
  void coordinatesDependOnCoordinatesAndMomentaAreTheCotangentLift() {
    BijectiveLayer layer = FlowPlugins.layer("point-transformation", "couplings: 4, width: 16");
    SplittableRandom random = new SplittableRandom(3);
    double[][] x1 = gaussian(random);
    double[][] x2 = gaussian(random);
    double[][] mixed = new double[BATCH][2 * N];
    for (int b = 0; b < BATCH; b++) {
      for (int i = 0; i < N; i++) {
        x2[b][i] = x1[b][i]; // same q, other p
        mixed[b][i] = x1[b][i];
        mixed[b][N + i] = 0.7 * x1[b][N + i] - 1.9 * x2[b][N + i];
      }
    }
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Ops tf = g.tf();
      BijectiveLayer.Built<TFloat64> built = layer.build(new RandomWeights<>(g, 7, 0.5), N);
      Operand<TFloat64> in1 = g.placeholder();
      Operand<TFloat64> in2 = g.placeholder();
      Operand<TFloat64> in3 = g.placeholder();
      List<Operand<TFloat64>> fetches = new ArrayList<>(
          List.of(built.forward(in1), built.forward(in2), built.forward(in3)));
      // Row i of ∂Q/∂x: the gradient of the batch sum of Q_i (examples are independent).
      Operand<TFloat64> z = built.forward(in1);
      for (int i = 0; i < N; i++) {
        Operand<TFloat64> qi = tf.slice(z, tf.constant(new int[] {0, i}), tf.constant(new int[] {-1, 1}));
        fetches.add(g.gradient(qi, in1));
      }
      List<double[]> out = run(g, List.of(in1, in2, in3), List.of(x1, x2, mixed), fetches);
      double coordinateChange = 0;
      double linearity = 0;
      double lift = 0;
      double momentumSensitivity = 0;
      double spread = 0;
      for (int b = 0; b < BATCH; b++) {
        for (int i = 0; i < N; i++) {
          int at = b * 2 * N;
          coordinateChange = Math.max(coordinateChange, Math.abs(out.get(0)[at + i] - out.get(1)[at + i]));
          double expected = 0.7 * out.get(0)[at + N + i] - 1.9 * out.get(1)[at + N + i];
          linearity = Math.max(linearity, Math.abs(out.get(2)[at + N + i] - expected));
          spread = Math.max(spread, Math.abs(out.get(0)[at + N + i] - out.get(1)[at + N + i]));
        }
        for (int j = 0; j < N; j++) {
          double pulledBack = 0; // Σ_i ∂Q_i/∂q_j P_i
          for (int i = 0; i < N; i++) {
            double[] row = out.get(3 + i);
            pulledBack += row[b * 2 * N + j] * out.get(0)[b * 2 * N + N + i];
            momentumSensitivity = Math.max(momentumSensitivity, Math.abs(row[b * 2 * N + N + j]));
          }
          lift = Math.max(lift, Math.abs(pulledBack - x1[b][N + j]));
        }
      }
      System.out.printf("[point-transformation] |ΔQ| at fixed q %.1e, |∂Q/∂p| %.1e, "
              + "P linearity %.1e, |(∂Q/∂q)ᵀP - p| %.1e%n",
          coordinateChange, momentumSensitivity, linearity, lift);
      assertThat(coordinateChange).as("Q changes with p at fixed q").isLessThan(1e-13);
      assertThat(momentumSensitivity).as("|∂Q/∂p|").isLessThan(1e-13);
      assertThat(linearity).as("P(q, 0.7 p1 - 1.9 p2) - (0.7 P1 - 1.9 P2)").isLessThan(1e-12);
      assertThat(lift).as("(∂Q/∂q)ᵀ P - p").isLessThan(1e-12);
      assertThat(spread).as("not vacuous: P depends on p").isGreaterThan(1e-2);
    }
  }

  private static double[][] gaussian(SplittableRandom random) {
    double[][] x = new double[BATCH][2 * N];
    for (double[] row : x) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextGaussian();
      }
    }
    return x;
  }

  static List<double[]> run(TfGraph<TFloat64> g, List<Operand<TFloat64>> inputs,
      List<double[][]> values, List<Operand<TFloat64>> fetches) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = g.session().runner();
      for (int k = 0; k < inputs.size(); k++) {
        Tensor t = Tensors.matrix(TFloat64.class, values.get(k));
        fed.add(t);
        runner.feed(inputs.get(k), t);
      }
      fetches.forEach(runner::fetch);
      List<double[]> out = new ArrayList<>();
      try (Result r = runner.run()) {
        for (int k = 0; k < fetches.size(); k++) {
          out.add(Tensors.flat(r.get(k)));
        }
      }
      return out;
    } finally {
      fed.forEach(Tensor::close);
    }
  }
}

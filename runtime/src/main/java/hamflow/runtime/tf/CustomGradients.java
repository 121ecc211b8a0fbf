package hamflow.runtime.tf;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.math.TanhGrad;
import org.tensorflow.op.math.SoftplusGrad;
import org.tensorflow.types.TFloat64;

/**
 * Gradients of TensorFlow's {@code *Grad} ops, missing from TF's C++ gradient registry, so that
 * second-order derivatives (HNN losses differentiate through ∂H/∂x) build.
 *
 * <p>TF Java 1.1.0 keeps only about ten custom gradients per JVM (fixed native callback slots),
 * and registration is global to the process: this class registers each one exactly once, at
 * start-up, and checks that a second derivative through {@code tanh} builds.
 */
public final class CustomGradients {
  private static boolean registered;

  private CustomGradients() {}

  /** Registers every custom gradient once per JVM; later calls do nothing. */
  public static synchronized void ensureRegistered() {
    if (registered) {
      return;
    }
    // TanhGrad(y, dy) = dy·(1 − y²): ∂/∂y = −2·y·dy, ∂/∂dy = 1 − y².
    TensorFlow.registerCustomGradient(
        TanhGrad.Inputs.class,
        (tf, op, gradInputs) -> {
          Operand<?> g = gradInputs.get(0);
          return List.of(tanhGradByY(tf, op.y, op.dy, g), tanhGradByDy(tf, op.y, g));
        });
    // SoftplusGrad(dy, x) = dy·σ(x): ∂/∂dy = σ(x), ∂/∂x = dy·σ(x)(1 − σ(x)). Needed when an HNN
    // with softplus units differentiates its input gradient by autodiff.
    TensorFlow.registerCustomGradient(
        SoftplusGrad.Inputs.class,
        (tf, op, gradInputs) -> softplusGradGradients(tf, op.gradients, op.features, gradInputs.get(0)));
    registered = true;
    selfTest();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> tanhGradByY(Ops tf, Operand y, Operand dy, Operand g) {
    return tf.math.mul(tf.math.mul(tf.constantOfSameType(y, -2.0), y), tf.math.mul(dy, g));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> tanhGradByDy(Ops tf, Operand y, Operand g) {
    Operand one = tf.constantOfSameType(y, 1.0);
    return tf.math.mul(tf.math.sub(one, tf.math.square(y)), g);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> softplusGradGradients(Ops tf, Operand dy, Operand x, Operand g) {
    Operand s = tf.math.sigmoid(x);
    Operand one = tf.constantOfSameType(x, 1.0);
    Operand byDy = tf.math.mul(s, g);
    Operand byX = tf.math.mul(tf.math.mul(dy, g), tf.math.mul(s, tf.math.sub(one, s)));
    return List.of(byDy, byX);
  }

  /** Fails fast, at start-up, if a second derivative through tanh cannot be built. */
  private static void selfTest() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat64> x = tf.constant(new double[] {0.3});
      Operand<TFloat64> y = tf.math.tanh(x);
      Operand<TFloat64> ones = tf.constant(new double[] {1.0});
      Gradients first = tf.gradients(List.of(y), List.of(x), Gradients.dx(List.of(ones)));
      Operand<TFloat64> dy = first.dy(0);
      tf.gradients(List.of(dy), List.of(x), Gradients.dx(List.of(ones)));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "TensorFlow cannot build second-order gradients through tanh: " + e.getMessage(), e);
    }
  }
}

package hamflow.it.physics;

import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A test-only non-separable Hamiltonian with two degrees of freedom,
 * {@code H = (q₁² + q₂² + p₁² + p₂²)/2 + q₁² p₂²/2 + q₂² p₁²/4}: ∂H/∂q depends on p and ∂H/∂p on
 * q, so no kick–drift splitting applies, and its level sets are compact (H ≥ |x|²/2).
 * Closed-form gradient: {@code ∂H/∂q₁ = q₁(1 + p₂²)}, {@code ∂H/∂q₂ = q₂(1 + p₁²/2)},
 * {@code ∂H/∂p₁ = p₁(1 + q₂²/2)}, {@code ∂H/∂p₂ = p₂(1 + q₁²)}.
 */
final class NonSeparableSystem implements HamiltonianSystem {
  @Override
  public int degreesOfFreedom() {
    return 2;
  }

  @Override
  public boolean separable() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    List<Operand<T>> c = columns(g, x);
    Operand<T> quadratic = tf.math.mul(g.constant(0.5), tf.sum(tf.math.square(x), tf.constant(1)));
    Operand<T> q1p2 = tf.math.mul(tf.math.square(c.get(0)), tf.math.square(c.get(3)));
    Operand<T> q2p1 = tf.math.mul(tf.math.square(c.get(1)), tf.math.square(c.get(2)));
    Operand<T> coupling = tf.math.add(
        tf.math.mul(g.constant(0.5), q1p2), tf.math.mul(g.constant(0.25), q2p1));
    return tf.math.add(quadratic, tf.reshape(coupling, tf.constant(new int[] {-1})));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    List<Operand<T>> c = columns(g, x);
    Operand<T> q1 = c.get(0);
    Operand<T> q2 = c.get(1);
    Operand<T> p1 = c.get(2);
    Operand<T> p2 = c.get(3);
    Operand<T> one = g.constant(1.0);
    Operand<T> half = g.constant(0.5);
    return Optional.of(tf.concat(List.of(
        tf.math.mul(q1, tf.math.add(one, tf.math.square(p2))),
        tf.math.mul(q2, tf.math.add(one, tf.math.mul(half, tf.math.square(p1)))),
        tf.math.mul(p1, tf.math.add(one, tf.math.mul(half, tf.math.square(q2)))),
        tf.math.mul(p2, tf.math.add(one, tf.math.square(q1)))), tf.constant(1)));
  }

  /** The four columns of {@code [batch, 4]}, each {@code [batch, 1]}. */
  private static <T extends TFloating> List<Operand<T>> columns(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    return java.util.stream.IntStream.range(0, 4)
        .mapToObj(i -> (Operand<T>) tf.slice(x, tf.constant(new int[] {0, i}),
            tf.constant(new int[] {-1, 1})))
        .toList();
  }

  /** Every coordinate uniform in [−1, 1]. */
  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double[] x = new double[4];
    for (int i = 0; i < 4; i++) {
      x[i] = 2 * random.nextDouble() - 1;
    }
    return x;
  }
}

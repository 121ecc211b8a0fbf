package hamflow.plugins.losses;

import hamflow.api.objective.ObjectiveContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** The latent actions of trajectory batches, shared by the trajectory objectives. */
final class LatentActions {
  private LatentActions() {}

  /**
   * {@code I_k = (Q_k² + P_k²)/2} of {@code z = T(x)} for trajectories {@code x} of shape
   * {@code [batch, points, 2n]}; returns {@code [batch, points, n]}.
   */
  static <T extends TFloating> Operand<T> of(ObjectiveContext<T> c, Operand<T> x) {
    Ops tf = c.tf();
    int n = c.degreesOfFreedom();
    Operand<T> flat = tf.reshape(x, tf.constant(new long[] {-1, 2L * n}));
    Operand<T> actions = ofLatent(c, c.flow().forward(flat));
    Operand<org.tensorflow.types.TInt32> shape = tf.concat(List.of(
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {2})),
        tf.constant(new int[] {n})), tf.constant(0));
    return tf.reshape(actions, shape);
  }

  /** {@code I_k = (Q_k² + P_k²)/2} of latent states {@code z [N, 2n]}; returns {@code [N, n]}. */
  static <T extends TFloating> Operand<T> ofLatent(ObjectiveContext<T> c, Operand<T> z) {
    Ops tf = c.tf();
    int n = c.degreesOfFreedom();
    Operand<T> squares = tf.math.square(z);
    return tf.math.mul(c.constant(0.5),
        tf.math.add(c.positions(squares, n), c.momenta(squares, n)));
  }
}

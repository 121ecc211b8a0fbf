package hamflow.plugins.losses;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/** Reductions shared by the losses. */
final class Reductions {
  private Reductions() {}

  /** The mean of the squares of every element of {@code e}, a scalar. */
  static <T extends TFloating> Operand<T> meanSquare(GraphContext<T> g, Operand<T> e) {
    return g.tf().math.mean(g.tf().math.square(e), g.tf().constant(new int[] {0, 1}));
  }
}

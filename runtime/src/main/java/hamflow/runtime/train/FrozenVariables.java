package hamflow.runtime.train;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TFloating;

/**
 * A model context whose "variables" are constants holding trained values: used to rebuild a
 * trained model in another graph (export, simulating the learned Hamiltonian, evaluation in
 * float64) without variables, so the result is a plain function of its input.
 */
public final class FrozenVariables<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  private final TfGraph<T> g;
  private final Map<String, double[]> values;
  private final String prefix;

  /** {@code values} by variable name; names are looked up as {@code prefix + name}. */
  public FrozenVariables(TfGraph<T> g, Map<String, double[]> values, String prefix) {
    super(g);
    this.g = g;
    this.values = values;
    this.prefix = prefix;
  }

  @Override
  public RandomGenerator random() {
    // Initial values are never used here; a fixed generator keeps build() deterministic.
    return new java.util.SplittableRandom(0);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<T> variable(String name, double[] initial, long... shape) {
    double[] v = values.get(prefix + name);
    if (v == null || v.length != Shape.of(shape).size()) {
      throw new IllegalArgumentException("trained weights have " + (v == null ? "no variable"
          : v.length + " values for variable") + " '" + prefix + name + "' of shape "
          + Shape.of(shape) + " (does the model section match the one trained?)");
    }
    try (Tensor t = Tensors.of(g.dtype(), Shape.of(shape), v)) {
      return g.tf().constantOf((T) t);
    }
  }
}

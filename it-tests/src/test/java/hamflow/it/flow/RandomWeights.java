package hamflow.it.flow;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TFloating;

/**
 * A model context for contract tests (float64 unless a float32 graph is given): every "variable" is a constant holding the value
 * the layer draws plus a Gaussian perturbation of standard deviation {@code perturbation}, so
 * layers initialised at (or near) the identity are tested at generic weights. The constants are
 * kept by name: tests differentiate with respect to them and compare two builds.
 */
final class RandomWeights<T extends TFloating> implements ModelContext<T> {
  private final TfGraph<T> g;
  private final RandomGenerator draws;
  private final SplittableRandom noise;
  private final double perturbation;
  private final Map<String, double[]> values = new LinkedHashMap<>();
  private final Map<String, Operand<T>> operands = new LinkedHashMap<>();

  RandomWeights(TfGraph<T> g, long seed, double perturbation) {
    this.g = g;
    this.draws = new SplittableRandom(seed);
    this.noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.perturbation = perturbation;
  }

  @Override
  public org.tensorflow.op.Ops tf() {
    return g.tf();
  }

  @Override
  public Class<T> dtype() {
    return g.dtype();
  }

  @Override
  public Operand<T> constant(double value) {
    return g.constant(value);
  }

  @Override
  public RandomGenerator random() {
    return draws;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<T> variable(String name, double[] initial, long... shape) {
    if (values.containsKey(name)) {
      throw new AssertionError("variable '" + name + "' defined twice");
    }
    if (initial.length != Shape.of(shape).size()) {
      throw new AssertionError("variable '" + name + "' has " + initial.length
          + " initial values for shape " + Shape.of(shape));
    }
    double[] v = initial.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] += perturbation * noise.nextGaussian();
    }
    values.put(name, v);
    try (Tensor t = Tensors.of(g.dtype(), Shape.of(shape), v)) {
      Operand<T> c = g.tf().constantOf((T) t);
      operands.put(name, c);
      return c;
    }
  }

  /** The values of every variable created so far, by name, in creation order. */
  Map<String, double[]> values() {
    return values;
  }

  /** The constant standing for each variable, by name. */
  Map<String, Operand<T>> operands() {
    return operands;
  }
}

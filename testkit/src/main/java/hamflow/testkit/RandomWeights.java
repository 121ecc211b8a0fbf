package hamflow.testkit;

import hamflow.api.model.ModelContext;
import hamflow.api.tf.GraphContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A {@link ModelContext} for contract tests, on any {@link GraphContext} (a {@link TestGraph}, or
 * the runtime's graph): every "variable" is a constant holding the value the layer draws plus a
 * Gaussian perturbation of standard deviation {@code perturbation}, so layers initialised at (or
 * near) the identity are tested at generic weights. The constants are kept by name: tests
 * differentiate with respect to them and compare two builds. An evaluation context
 * ({@link #training()} false): running averages are constants at their initial values.
 *
 * @param <T> the graph's floating dtype
 */
public final class RandomWeights<T extends TFloating> implements ModelContext<T> {
  private final GraphContext<T> g;
  private final RandomGenerator draws;
  private final SplittableRandom noise;
  private final double perturbation;
  private final Map<String, double[]> values = new LinkedHashMap<>();
  private final Map<String, Operand<T>> operands = new LinkedHashMap<>();

  /**
   * Weights drawn from {@code seed} (the layer's own initial draws and the perturbation noise
   * come from two generators derived from it), perturbed by {@code perturbation}.
   */
  public RandomWeights(GraphContext<T> g, long seed, double perturbation) {
    this.g = g;
    this.draws = new SplittableRandom(seed);
    this.noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.perturbation = perturbation;
  }

  @Override
  public Ops tf() {
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
  public Operand<T> gradient(Operand<T> y, Operand<T> x) {
    return g.gradient(y, x);
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
    try (Tensor t = TestGraph.tensor(g.dtype(), Shape.of(shape), v)) {
      Operand<T> c = g.tf().constantOf((T) t);
      operands.put(name, c);
      return c;
    }
  }

  /** The values of every variable created so far, by name, in creation order. */
  public Map<String, double[]> values() {
    return Collections.unmodifiableMap(values);
  }

  /** The constant standing for each variable, by name, in creation order. */
  public Map<String, Operand<T>> operands() {
    return Collections.unmodifiableMap(operands);
  }
}

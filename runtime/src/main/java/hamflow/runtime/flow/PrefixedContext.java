package hamflow.runtime.flow;

import hamflow.api.model.ModelContext;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** A model context that names every variable {@code prefix + name}; all else is delegated. */
public final class PrefixedContext<T extends TFloating> implements ModelContext<T> {
  private final ModelContext<T> g;
  private final String prefix;

  public PrefixedContext(ModelContext<T> g, String prefix) {
    this.g = g;
    this.prefix = prefix;
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
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return g.variable(prefix + name, initial, shape);
  }

  @Override
  public RandomGenerator random() {
    return g.random();
  }

  @Override
  public boolean training() {
    return g.training();
  }

  @Override
  public boolean exactGradients() {
    return g.exactGradients();
  }

  @Override
  public Operand<T> runningAverage(
      String name, Operand<T> batchValue, double momentum, double[] initial, long... shape) {
    return g.runningAverage(prefix + name, batchValue, momentum, initial, shape);
  }
}

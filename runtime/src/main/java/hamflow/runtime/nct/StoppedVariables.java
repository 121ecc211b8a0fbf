package hamflow.runtime.nct;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.train.VariableStore;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A training context that hands out the store's existing variables with their gradients
 * stopped, to build a second copy of a flow whose values match the trained one but through which
 * no gradient reaches the variables (path-derivative estimators).
 */
final class StoppedVariables<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  private final VariableStore<T> store;

  StoppedVariables(VariableStore<T> store) {
    super(store);
    this.store = store;
  }

  @Override
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return tf().stopGradient(store.read(name));
  }

  @Override
  public RandomGenerator random() {
    // Draws here only make initial values this copy never uses (variable() returns the
    // store's); its own generator keeps the store's stream, and so the initial values of
    // variables created later, the same whether or not the copy is built.
    return new SplittableRandom(0);
  }

  @Override
  public boolean training() {
    return true;
  }

  @Override
  public Operand<T> runningAverage(
      String name, Operand<T> batchValue, double momentum, double[] initial, long... shape) {
    // The trained copy owns the average and its update; this copy only reads.
    return batchValue != null ? tf().stopGradient(batchValue) : tf().stopGradient(store.read(name));
  }
}

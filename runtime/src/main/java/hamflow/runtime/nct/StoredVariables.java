package hamflow.runtime.nct;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.train.VariableStore;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A training context that hands out the store's existing variables instead of creating them, to
 * build a second copy of a flow or objective over the same values: with gradients stopped (a
 * path-derivative estimator's copy, through which no gradient reaches the variables), or live
 * (the L-BFGS phase's exact-gradient copy of the objective).
 */
final class StoredVariables<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  private final VariableStore<T> store;
  private final boolean stopGradients;

  StoredVariables(VariableStore<T> store, boolean stopGradients) {
    super(store);
    this.store = store;
    this.stopGradients = stopGradients;
  }

  @Override
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return stop(store.read(name));
  }

  private Operand<T> stop(Operand<T> x) {
    return stopGradients ? tf().stopGradient(x) : x;
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
    return stop(batchValue != null ? batchValue : store.read(name));
  }
}

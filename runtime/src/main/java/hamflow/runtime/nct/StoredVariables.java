package hamflow.runtime.nct;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.train.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.family.TFloating;

/**
 * A training context that hands out the store's existing variables instead of creating them, to
 * build a second copy of a flow or objective over the same values: with gradients stopped (a
 * path-derivative estimator's copy, through which no gradient reaches the variables), or live
 * (the L-BFGS phase's copy, built with {@link #exactGradients()}, whose running averages it
 * updates from its own batch), or live and calibrating: its updates set each running average to
 * its batch value outright (momentum 0), to be run once on all the training data.
 */
final class StoredVariables<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  private final VariableStore<T> store;
  private final boolean stopGradients;
  private final boolean calibrating;
  private final List<Op> averageUpdates = new ArrayList<>();

  StoredVariables(VariableStore<T> store, boolean stopGradients) {
    this(store, stopGradients, false);
  }

  private StoredVariables(VariableStore<T> store, boolean stopGradients, boolean calibrating) {
    super(store);
    this.store = store;
    this.stopGradients = stopGradients;
    this.calibrating = calibrating;
  }

  /** A live copy whose running-average updates assign the batch value itself. */
  static <T extends TFloating> StoredVariables<T> calibrating(VariableStore<T> store) {
    return new StoredVariables<>(store, false, true);
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
  public boolean exactGradients() {
    return !stopGradients;
  }

  @Override
  public Operand<T> runningAverage(
      String name, Operand<T> batchValue, double momentum, double[] initial, long... shape) {
    if (batchValue == null) {
      return stop(store.read(name));
    }
    if (!stopGradients) { // the L-BFGS copy folds its own (full) batch into the stored average
      averageUpdates.add(TrainingVariables.averageUpdate(store, store.entry(name), batchValue,
          calibrating ? 0 : momentum));
    }
    return stop(batchValue);
  }

  /** The running-average updates of a live copy, to run after each accepted L-BFGS step. */
  List<Op> averageUpdates() {
    return averageUpdates;
  }
}

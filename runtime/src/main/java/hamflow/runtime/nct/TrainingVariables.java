package hamflow.runtime.nct;

import hamflow.api.model.ModelContext;
import hamflow.runtime.tf.ForwardingContext;
import hamflow.runtime.train.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The model context of a training graph: trainable variables from the store, {@link #training()}
 * true, and running averages as untrained store slots whose update ops run with every step.
 */
final class TrainingVariables<T extends TFloating> extends ForwardingContext<T>
    implements ModelContext<T> {
  private final VariableStore<T> store;
  private final List<Op> averageUpdates = new ArrayList<>();

  TrainingVariables(VariableStore<T> store) {
    super(store);
    this.store = store;
  }

  @Override
  public Operand<T> variable(String name, double[] initial, long... shape) {
    return store.variable(name, initial, shape);
  }

  @Override
  public RandomGenerator random() {
    return store.random();
  }

  @Override
  public boolean training() {
    return true;
  }

  @Override
  public Operand<T> runningAverage(
      String name, Operand<T> batchValue, double momentum, double[] initial, long... shape) {
    VariableStore.Entry<T> stored = store.slot(name, initial, shape);
    if (batchValue == null) {
      return stored.read(); // a layer that needs the stored value (an inverse before forward)
    }
    averageUpdates.add(averageUpdate(store, stored, batchValue, momentum));
    return batchValue;
  }

  /** {@code stored ← momentum · stored + (1 − momentum) · batchValue}, as an op to run. */
  static <T extends TFloating> Op averageUpdate(VariableStore<T> store,
      VariableStore.Entry<T> stored, Operand<T> batchValue, double momentum) {
    Ops tf = store.tf();
    Operand<T> next = tf.math.add(tf.math.mul(store.constant(momentum), stored.read()),
        tf.math.mul(store.constant(1 - momentum), tf.stopGradient(batchValue)));
    return tf.assignVariableOp(stored.handle(), next);
  }

  /** The ops that fold this step's batch statistics into the running averages. */
  List<Op> averageUpdates() {
    return averageUpdates;
  }
}

package hamflow.runtime.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.family.TFloating;

/**
 * Adam (Kingma & Ba) with PyTorch's L2 weight decay ({@code g ← g + λθ} before the moment
 * updates, as {@code torch.optim.Adam(weight_decay=λ)} does, not AdamW), built as graph ops: one
 * fused {@code ResourceApplyAdam} per variable, the step counter bumped after all of them, so a
 * training step is a single {@code Session.run} of {@link #minimize}'s op.
 */
public final class Adam<T extends TFloating> {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final VariableStore<T> store;
  private final VariableStore.Entry<T> step;
  private final Operand<T> learningRate;
  private final double weightDecay;

  /** {@code step}: the store's step counter (a scalar slot), bumped by every update. */
  public Adam(VariableStore<T> store, VariableStore.Entry<T> step, double learningRate, double weightDecay) {
    this(store, step, store.constant(learningRate), weightDecay);
  }

  /** With a learning rate computed in the graph (a schedule), a scalar. */
  public Adam(VariableStore<T> store, VariableStore.Entry<T> step, Operand<T> learningRate,
      double weightDecay) {
    this.store = store;
    this.step = step;
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
  }

  /** The op that applies one update to every trainable variable of the store. */
  public Op minimize(Operand<T> loss) {
    Ops tf = store.tf();
    List<VariableStore.Entry<T>> vars = store.trainable();
    List<VariableStore.Entry<T>[]> slots = new ArrayList<>();
    for (VariableStore.Entry<T> v : vars) {
      int size = v.initial().length;
      @SuppressWarnings("unchecked")
      VariableStore.Entry<T>[] mv = new VariableStore.Entry[] {
          store.slot("adam/m/" + v.name(), new double[size], v.shape()),
          store.slot("adam/v/" + v.name(), new double[size], v.shape())};
      slots.add(mv);
    }
    Operand<T> ones = tf.onesLike(loss);
    Gradients grads = tf.gradients(List.of(loss),
        vars.stream().map(VariableStore.Entry::read).map(r -> (Operand<?>) r).toList(),
        Gradients.dx(List.of(ones)));
    Operand<T> next = tf.math.add(step.read(), store.constant(1.0));
    Operand<T> beta1Power = tf.math.pow(store.constant(BETA1), next);
    Operand<T> beta2Power = tf.math.pow(store.constant(BETA2), next);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      VariableStore.Entry<T> v = vars.get(i);
      Operand<T> g = grads.<T>dy(i);
      if (weightDecay > 0) {
        g = tf.math.add(g, tf.math.mul(store.constant(weightDecay), v.read()));
      }
      updates.add(tf.train.resourceApplyAdam(v.handle(), slots.get(i)[0].handle(),
          slots.get(i)[1].handle(), beta1Power, beta2Power, learningRate,
          store.constant(BETA1), store.constant(BETA2), store.constant(EPSILON), g));
    }
    return tf.withControlDependencies(updates).assignVariableOp(step.handle(), next);
  }
}

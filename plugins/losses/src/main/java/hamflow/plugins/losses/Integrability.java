package hamflow.plugins.losses;

import hamflow.api.Param;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveContext;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.objective.ObjectiveFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Integrability (Bondesan & Lamacraft 2019): along each trajectory of an integrable system the
 * latent actions {@code I_k = (Q_k² + P_k²)/2} of {@code (Q, P) = T(q, p)} should be constant.
 * Minimises the variance of each action along each trajectory relative to its squared mean —
 * relative, so that the objective cannot be lowered by shrinking the latent plane — averaged over
 * trajectories and k. With {@code relative: false} it minimises the plain variance instead:
 * relative, a plane moved far off the origin also scores well (each orbit an arc at right angles
 * to the offset), which a translation — symplectic — can do; the plain variance grows with the
 * offset. Reports {@code action-spread}: the mean relative standard deviation
 * {@code std_t(I_k) / mean_t(I_k)}.
 */
public final class Integrability implements FlowObjective {

  /** Parameters of {@code integrability}. */
  public record Parameters(
      @Param(value = "added to the squared mean action so that a vanishing action stays finite",
              defaultValue = "1e-8", min = 0)
          double epsilon,
      @Param(value = "divide each variance by the squared mean action; false minimises the plain "
              + "variance, which a translation of a latent plane raises rather than lowers",
              defaultValue = "true")
          boolean relative) {}

  /** Factory for {@code integrability}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of("integrability",
      "relative variance of the latent actions (Q^2 + P^2)/2 along trajectories", Parameters.class,
      Integrability::new);

  private final Parameters p;

  Integrability(Parameters p) {
    this.p = p;
  }

  @Override
  public ObjectiveData data() {
    return ObjectiveData.TRAJECTORIES;
  }

  @Override
  public boolean needsSystem() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> build(ObjectiveContext<T> c) {
    Ops tf = c.tf();
    Operand<T> actions = LatentActions.of(c, c.batch()); // [batch, points, n]
    Operand<T> mean = tf.math.mean(actions, tf.constant(1), org.tensorflow.op.math.Mean.keepDims(true));
    Operand<T> variance = tf.math.mean(tf.math.square(tf.math.sub(actions, mean)), tf.constant(1));
    Operand<T> meanSquare = tf.math.add(tf.math.square(tf.squeeze(mean,
        org.tensorflow.op.core.Squeeze.axis(java.util.List.of(1L)))), c.constant(p.epsilon()));
    Operand<T> relative = tf.math.div(variance, meanSquare); // [batch, n]
    c.report("action-spread", tf.math.mean(tf.math.sqrt(relative), tf.constant(new int[] {0, 1})));
    return tf.math.mean(p.relative() ? relative : variance, tf.constant(new int[] {0, 1}));
  }
}

package hamflow.plugins.flows;

import hamflow.api.Param;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Centring of phase space, {@code z = x − μ − b}: μ the mean of the data over the batch (q and
 * p alike, shape {@code [2n]}) and b a learned shift (variable {@code shift}, initially 0;
 * absent with {@code learned-shift: false}). A
 * translation, so symplectic with log-det 0 (batch normalisation without the scaling, which
 * would not be canonical).
 *
 * <p>In a training graph ({@link ModelContext#training()}) μ is the batch mean of the first
 * batch the built layer is applied to (by {@code forward}), handed to
 * {@link ModelContext#runningAverage} under the name {@code mean} with momentum 0.99; every
 * later {@code forward} or {@code inverse} of that build uses the same μ, so {@code inverse}
 * undoes {@code forward} exactly. In an evaluation graph, or when {@code inverse} comes first
 * (no data batch to take a mean of), μ is the stored running average (initially 0). The batch
 * mean is held constant under differentiation (as the running average is), so each example is
 * translated independently and {@code ∂z/∂x = I} in both kinds of graph — unless
 * {@code mean-gradient} is set or the graph is built for exact gradients (L-BFGS): then the
 * batch mean carries its gradient, {@code ∂z_b/∂x_c = (δ_bc − 1/batch) I}. Holding it constant
 * drops the mean's dependence on the parameters from their gradient; a trajectory objective
 * behind a last, shift-free zero-center trains stably only with that term. Shapes:
 * {@code [batch, 2n]} in and out.
 */
public final class ZeroCenter implements BijectiveLayer {

  /** Name of the running average of the batch mean, shape {@code [2n]}. */
  public static final String MEAN = "mean";

  /** Momentum of the running average. */
  public static final double MOMENTUM = 0.99;

  /** Parameters of {@code zero-center}. */
  public record Parameters(
      @Param(value = "learn the shift b; false centres the output on the data's mean alone, as a"
              + " last layer should when an objective (integrability) could otherwise be lowered"
              + " by moving the latent planes away from the origin", defaultValue = "true")
          boolean learnedShift,
      @Param(value = "differentiate through the batch mean while training: the parameters' gradient"
              + " is then that of the batch loss (the mean depends on them), at the cost of coupling"
              + " the examples of a batch; false holds the mean constant, so that each example is"
              + " translated on its own (dz/dx = I), as a flow model's input gradient needs",
              defaultValue = "false")
          boolean meanGradient) {}

  /** Factory for {@code zero-center}. */
  public static final LayerFactory<Parameters> FACTORY = LayerFactory.of("zero-center",
      "translation z = x - mean - b: batch mean while training, running average at evaluation "
          + "(symplectic)",
      Parameters.class, ZeroCenter::new);

  private final Parameters p;

  ZeroCenter(Parameters p) {
    this.p = p;
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    int dim = 2 * n;
    Operand<T> shift = p.learnedShift() ? g.variable("shift", Initializers.zeros(dim), dim) : null;
    return new Built<>() {
      private Operand<T> offset; // μ + b, fixed by the first call: one running average per build

      private Operand<T> offset(Operand<T> batch) {
        if (offset == null) {
          // A statistic, not a function of the example: without stopGradient an input gradient
          // (∂H/∂x of a flow model) would couple the examples of a batch through −1/batch terms.
          // L-BFGS line-searches on the batch loss itself, so it needs the full gradient.
          Operand<T> statistic = batch == null || !g.training() ? null
              : tf.math.mean(batch, tf.constant(0));
          Operand<T> batchMean = statistic == null || p.meanGradient() || g.exactGradients()
              ? statistic
              : tf.stopGradient(statistic);
          Operand<T> mean = g.runningAverage(MEAN, batchMean, MOMENTUM, Initializers.zeros(dim), dim);
          offset = shift == null ? mean : tf.math.add(mean, shift);
        }
        return offset;
      }

      @Override
      public Operand<T> forward(Operand<T> x) {
        return tf.math.sub(x, offset(x));
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return tf.math.add(z, offset(null));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }
}

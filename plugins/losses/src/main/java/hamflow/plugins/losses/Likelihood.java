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
 * Maximum likelihood (density estimation, forward Kullback–Leibler): minimise the negative
 * log-likelihood {@code −E_data[ln p(T(x)) + ln|det ∂T/∂x|]} of phase-space samples, in nats per
 * sample; reported as {@code nll}.
 */
public final class Likelihood implements FlowObjective {

  /** Parameters of {@code likelihood}. */
  public record Parameters(
      @Param(value = "inverse temperature β of a latent-harmonic prior", defaultValue = "1.0",
              min = 0, minExclusive = true)
          double beta,
      @Param(value = "latent density: gaussian, or latent-harmonic with learned frequencies",
              defaultValue = "gaussian")
          PriorKind prior) {}

  /** Factory for {@code likelihood}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of("likelihood",
      "negative log-likelihood of phase-space samples (density estimation)", Parameters.class,
      Likelihood::new);

  private final Parameters p;

  Likelihood(Parameters p) {
    this.p = p;
  }

  @Override
  public ObjectiveData data() {
    return ObjectiveData.STATES;
  }

  @Override
  public boolean needsSystem() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> build(ObjectiveContext<T> c) {
    Operand<T> nll = negativeLogLikelihood(c, Prior.build(c, p.prior(), p.beta()), c.batch());
    c.report("nll", nll);
    return nll;
  }

  /** The mean of {@code −ln p(T(x)) − ln|det ∂T/∂x|} over the batch {@code x}, a scalar. */
  static <T extends TFloating> Operand<T> negativeLogLikelihood(
      ObjectiveContext<T> c, Prior<T> prior, Operand<T> x) {
    Ops tf = c.tf();
    Operand<T> logLikelihood =
        tf.math.add(prior.logDensity(c.flow().forward(x)), c.flow().logDetJacobian(x));
    return tf.math.neg(tf.math.mean(logLikelihood, tf.constant(0)));
  }
}

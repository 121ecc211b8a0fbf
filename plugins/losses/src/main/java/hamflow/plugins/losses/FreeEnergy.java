package hamflow.plugins.losses;

import hamflow.api.Param;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveContext;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.objective.ObjectiveFactory;
import hamflow.api.system.HamiltonianSystem;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The variational free energy (reverse Kullback–Leibler divergence) of the Boltzmann density
 * {@code e^{−βH}/Z} of the descriptor's system, Li et al. 2020 §III: draw latent samples z from
 * the prior, push them to phase space, {@code x = T⁻¹(z)}, and minimise
 * {@code E[ln q(x) + βH(x)]} where {@code ln q(x) = ln p(z) + ln|det ∂T/∂x|}. No data are
 * needed. The loss divided by β bounds the free energy {@code F = −ln Z/β} from above (reported
 * as {@code free-energy-bound}); it equals F when the flow is exact.
 */
public final class FreeEnergy implements FlowObjective {

  /** Parameters of {@code free-energy}. */
  public record Parameters(
      @Param(value = "inverse temperature β", defaultValue = "1.0", min = 0, minExclusive = true)
          double beta,
      @Param(value = "latent density: gaussian, or latent-harmonic with learned frequencies",
              defaultValue = "gaussian")
          PriorKind prior,
      @Param(value = "draw each batch with the prior's exact mean and covariance (needs "
              + "batch-size > 2n): removes the sampling noise of quadratic terms, which is what "
              + "keeps nearly degenerate modes apart", defaultValue = "false")
          boolean momentMatched) {}

  /** Factory for {@code free-energy}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of("free-energy",
      "variational free energy E[ln q + beta H] over prior samples pushed through the inverse flow",
      Parameters.class, FreeEnergy::new);

  private final Parameters p;

  FreeEnergy(Parameters p) {
    this.p = p;
  }

  @Override
  public ObjectiveData data() {
    return ObjectiveData.NONE;
  }

  @Override
  public boolean needsSystem() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> build(ObjectiveContext<T> c) {
    Ops tf = c.tf();
    Operand<T> loss = reverseKl(c, Prior.build(c, p.prior(), p.beta()), p.beta(),
        p.momentMatched());
    c.report("free-energy-bound", tf.math.div(loss, c.constant(p.beta())));
    return loss;
  }

  /**
   * {@code E[ln q(x) + βH(x)]} over {@link ObjectiveContext#batchSize()} prior samples pushed
   * through {@code T⁻¹}, a scalar; also reports the mean energy of the samples. With
   * {@code momentMatched} the draws come from {@link Prior#sampleMomentMatched}.
   */
  static <T extends TFloating> Operand<T> reverseKl(
      ObjectiveContext<T> c, Prior<T> prior, double beta, boolean momentMatched) {
    Ops tf = c.tf();
    HamiltonianSystem system = c.system().orElseThrow(() -> new IllegalArgumentException(
        "this objective scores states with a system's H: add a 'system:' section"));
    Operand<T> z = momentMatched ? prior.sampleMomentMatched(c.batchSize())
        : prior.sample(c.batchSize());
    Operand<T> x = c.flow().inverse(z);
    // Path derivative ("sticking the landing", Roeder et al. 2017): ln q with its parameters
    // held fixed, so that the gradient is exact in expectation and its variance vanishes as the
    // flow becomes exact — which is what resolves nearly degenerate modes.
    // ln q(x) = ln p(T(x)) + ln|det ∂T/∂x| as a function of x alone: T(x) recomputed through
    // the stopped copy equals z in value, but carries the gradient of the path x(θ, ω).
    // A deterministic optimizer needs the gradient of this batch's value instead: ln p(z) with
    // every dependence live.
    Operand<T> logQ = c.exactGradients()
        ? tf.math.add(prior.logDensity(z), c.flow().logDetJacobian(x))
        : tf.math.add(prior.logDensityWithoutGradients(c.flowWithoutGradients().forward(x)),
            c.flowWithoutGradients().logDetJacobian(x));
    Operand<T> h = system.hamiltonian(c, x);
    c.report("mean-energy", tf.math.mean(h, tf.constant(0)));
    return tf.math.mean(tf.math.add(logQ, tf.math.mul(c.constant(beta), h)), tf.constant(0));
  }
}

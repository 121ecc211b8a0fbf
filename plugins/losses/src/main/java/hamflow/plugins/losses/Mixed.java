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
 * Energy and data together, as Boltzmann-generator trainers weight them (Noé et al. 2019):
 * {@code w · E_prior[ln q + βH] + (1 − w) · NLL(data)}. The data term anchors the flow to the
 * modes the samples visit; the energy term spreads it by the Boltzmann weight.
 */
public final class Mixed implements FlowObjective {

  /** Parameters of {@code mixed}. */
  public record Parameters(
      @Param(value = "inverse temperature β", defaultValue = "1.0", min = 0, minExclusive = true)
          double beta,
      @Param(value = "latent density: gaussian, or latent-harmonic with learned frequencies",
              defaultValue = "gaussian")
          PriorKind prior,
      @Param(value = "weight w of the energy (reverse KL) term; 1 - w weighs the data term",
              defaultValue = "0.5", min = 0, max = 1)
          double energyWeight) {}

  /** Factory for {@code mixed}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of("mixed",
      "w * variational free energy + (1 - w) * negative log-likelihood of data", Parameters.class,
      Mixed::new);

  private final Parameters p;

  Mixed(Parameters p) {
    this.p = p;
  }

  @Override
  public ObjectiveData data() {
    return ObjectiveData.STATES;
  }

  @Override
  public boolean needsSystem() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> build(ObjectiveContext<T> c) {
    Ops tf = c.tf();
    Prior<T> prior = Prior.build(c, p.prior(), p.beta());
    Operand<T> energy = FreeEnergy.reverseKl(c, prior, p.beta(), false);
    Operand<T> nll = Likelihood.negativeLogLikelihood(c, prior, c.batch());
    c.report("free-energy-bound", tf.math.div(energy, c.constant(p.beta())));
    c.report("nll", nll);
    return tf.math.add(tf.math.mul(c.constant(p.energyWeight()), energy),
        tf.math.mul(c.constant(1 - p.energyWeight()), nll));
  }
}

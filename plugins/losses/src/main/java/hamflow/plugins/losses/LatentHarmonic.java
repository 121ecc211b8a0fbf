package hamflow.plugins.losses;

import hamflow.api.nn.Initializers;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveContext;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.objective.ObjectiveFactory;
import hamflow.api.system.HamiltonianSystem;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Learn T together with frequencies ω_k such that {@code H(x) = K(T(x)) + c} with
 * {@code K = Σ ω_k (Q_k² + P_k²)/2}: the mean squared energy residual over phase-space samples
 * (variables {@code log-omega}, shape {@code [n]}, and the offset {@code c}). Reported as
 * {@code energy-residual} (its root).
 */
public final class LatentHarmonic implements FlowObjective {

  /** {@code latent-harmonic} has no parameters. */
  public record Parameters() {}

  /** Factory for {@code latent-harmonic}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of(
      "latent-harmonic",
      "mean squared residual of H(x) - sum_k w_k (Q_k^2 + P_k^2)/2 - c with learned w, c",
      Parameters.class, p -> new LatentHarmonic());

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
    int n = c.degreesOfFreedom();
    HamiltonianSystem system = c.system().orElseThrow(() -> new IllegalArgumentException(
        "objective latent-harmonic scores states with a system's H: add a 'system:' section"));
    Operand<T> omega = tf.math.exp(c.variable(Prior.LOG_OMEGA, Initializers.zeros(n), n));
    Operand<T> offset = c.variable("offset", new double[] {0});
    Operand<T> x = c.batch();
    Operand<T> squares = tf.math.square(c.flow().forward(x));
    Operand<T> pairs = tf.math.add(c.positions(squares, n), c.momenta(squares, n));
    Operand<T> k = tf.math.mul(c.constant(0.5), tf.reduceSum(tf.math.mul(pairs, omega),
        tf.constant(1)));
    Operand<T> residual = tf.math.sub(system.hamiltonian(c, x), tf.math.add(k, offset));
    Operand<T> loss = tf.math.mean(tf.math.square(residual), tf.constant(0));
    c.report("energy-residual", tf.math.sqrt(loss));
    return loss;
  }
}

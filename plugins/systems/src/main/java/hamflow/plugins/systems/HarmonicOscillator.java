package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** {@code H = p²/2m + k(q − q₀)²/2}: one degree of freedom, angular frequency √(k/m). */
public final class HarmonicOscillator implements HamiltonianSystem {

  /** Parameters of {@code harmonic-oscillator}. */
  public record Parameters(
      @Param(value = "mass m", defaultValue = "1.0", min = 0, minExclusive = true) double mass,
      @Param(value = "spring constant k", defaultValue = "1.0", min = 0, minExclusive = true)
          double springConstant,
      @Param(value = "equilibrium position q0", defaultValue = "0.0") double equilibrium,
      @Param(value = "smallest distance of a sampled state from (q0, 0)", defaultValue = "0.2",
              min = 0)
          double radiusMin,
      @Param(value = "largest distance of a sampled state from (q0, 0)", defaultValue = "1.0",
              min = 0)
          double radiusMax) {
    public Parameters {
      RingSampler.checkRange(radiusMin, radiusMax);
    }
  }

  /** Factory for {@code harmonic-oscillator}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "harmonic-oscillator",
          "harmonic oscillator H = p^2/2m + k(q - q0)^2/2",
          Parameters.class,
          HarmonicOscillator::new);

  private final Parameters params;

  public HarmonicOscillator(Parameters params) {
    this.params = params;
  }

  @Override
  public int degreesOfFreedom() {
    return 1;
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> dq = tf.math.sub(g.positions(x, 1), g.constant(params.equilibrium()));
    Operand<T> p = g.momenta(x, 1);
    Operand<T> kinetic = tf.math.mul(g.constant(0.5 / params.mass()), tf.math.square(p));
    Operand<T> potential =
        tf.math.mul(g.constant(0.5 * params.springConstant()), tf.math.square(dq));
    return tf.sum(tf.math.add(kinetic, potential), tf.constant(1));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> dq = tf.math.sub(g.positions(x, 1), g.constant(params.equilibrium()));
    Operand<T> p = g.momenta(x, 1);
    return Optional.of(
        g.phaseSpace(
            tf.math.mul(g.constant(params.springConstant()), dq),
            tf.math.mul(g.constant(1.0 / params.mass()), p)));
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    return RingSampler.sample(
        random, params.radiusMin(), params.radiusMax(), params.equilibrium());
  }
}

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

/**
 * The ideal pendulum {@code H = m g l (1 − cos q) + p²/(2 m l²)}, q the angle from the downward
 * vertical and p the angular momentum.
 */
public final class Pendulum implements HamiltonianSystem {

  /** Parameters of {@code pendulum}. */
  public record Parameters(
      @Param(value = "bob mass m", defaultValue = "1.0", min = 0, minExclusive = true) double mass,
      @Param(value = "gravitational acceleration g", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double gravity,
      @Param(value = "rod length l", defaultValue = "1.0", min = 0, minExclusive = true)
          double length,
      @Param(value = "smallest radius of a sampled (q, p)", defaultValue = "1.3", min = 0)
          double radiusMin,
      @Param(value = "largest radius of a sampled (q, p)", defaultValue = "2.3", min = 0)
          double radiusMax) {
    public Parameters {
      RingSampler.checkRange(radiusMin, radiusMax);
    }
  }

  /** Factory for {@code pendulum}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "pendulum",
          "ideal pendulum H = m g l (1 - cos q) + p^2/(2 m l^2)",
          Parameters.class,
          Pendulum::new);

  private final Parameters params;

  public Pendulum(Parameters params) {
    this.params = params;
  }

  private double mgl() {
    return params.mass() * params.gravity() * params.length();
  }

  private double inertia() {
    return params.mass() * params.length() * params.length();
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
    Operand<T> q = g.positions(x, 1);
    Operand<T> p = g.momenta(x, 1);
    Operand<T> potential =
        tf.math.mul(g.constant(mgl()), tf.math.sub(g.constant(1.0), tf.math.cos(q)));
    Operand<T> kinetic = tf.math.mul(g.constant(0.5 / inertia()), tf.math.square(p));
    return tf.sum(tf.math.add(kinetic, potential), tf.constant(1));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    return Optional.of(
        g.phaseSpace(
            tf.math.mul(g.constant(mgl()), tf.math.sin(g.positions(x, 1))),
            tf.math.mul(g.constant(1.0 / inertia()), g.momenta(x, 1))));
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    return RingSampler.sample(random, params.radiusMin(), params.radiusMax(), 0.0);
  }
}

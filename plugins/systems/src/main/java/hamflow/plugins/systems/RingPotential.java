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
 * A particle in a ring-shaped trough in d dimensions, {@code H = (|q| − r)²/w + |p|²/2}: the
 * density-estimation benchmark of neural canonical transformations (Li et al. 2020, the "ring"
 * of their §IV), whose Boltzmann density is a thin ring in q times a Gaussian in p.
 */
public final class RingPotential implements HamiltonianSystem {

  /** Parameters of {@code ring}. */
  public record Parameters(
      @Param(value = "dimension d of q and p", defaultValue = "2", min = 1, max = 16)
          int dimension,
      @Param(value = "radius r of the ring", defaultValue = "2.0", min = 0, minExclusive = true)
          double radius,
      @Param(value = "width parameter w (the potential is (|q| - r)^2 / w)", defaultValue = "0.32",
              min = 0, minExclusive = true)
          double width) {}

  /** Factory for {@code ring}. */
  public static final SystemFactory<Parameters> FACTORY = SystemFactory.of("ring",
      "ring-shaped trough H = (|q| - r)^2 / w + |p|^2 / 2", Parameters.class, RingPotential::new);

  /** Softening of |q| at the origin, where the potential's gradient is undefined. */
  private static final double SOFTENING = 1e-12;

  private final Parameters params;

  public RingPotential(Parameters params) {
    this.params = params;
  }

  @Override
  public int degreesOfFreedom() {
    return params.dimension();
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int d = params.dimension();
    Operand<T> radius = tf.math.sqrt(tf.math.add(
        tf.sum(tf.math.square(g.positions(x, d)), tf.constant(1)), g.constant(SOFTENING)));
    Operand<T> potential = tf.math.div(
        tf.math.square(tf.math.sub(radius, g.constant(params.radius()))),
        g.constant(params.width()));
    Operand<T> kinetic = tf.math.mul(g.constant(0.5),
        tf.sum(tf.math.square(g.momenta(x, d)), tf.constant(1)));
    return tf.math.add(potential, kinetic);
  }

  /** q at the ring's radius (uniform direction) plus Gaussian noise of the ring's width; p ~ N(0, 1). */
  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    int d = params.dimension();
    double[] x = new double[2 * d];
    double norm = 0;
    for (int i = 0; i < d; i++) {
      x[i] = random.nextGaussian();
      norm += x[i] * x[i];
    }
    norm = Math.sqrt(norm);
    double r = params.radius() + Math.sqrt(params.width() / 2) * random.nextGaussian();
    for (int i = 0; i < d; i++) {
      x[i] *= r / norm;
      x[d + i] = random.nextGaussian();
    }
    return x;
  }

  /**
   * {@code ∂H/∂q = 2(|q| − r)/w · q/|q|}, {@code ∂H/∂p = p}, with the softened |q| of
   * {@link #hamiltonian}: closed form, so that Jacobians of integrator steps need no
   * second-order gradient of {@code Sqrt}.
   */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int d = params.dimension();
    Operand<T> q = g.positions(x, d);
    Operand<T> radius = tf.math.sqrt(tf.math.add(
        tf.sum(tf.math.square(q), tf.constant(1), org.tensorflow.op.core.Sum.keepDims(true)),
        g.constant(SOFTENING)));
    Operand<T> factor = tf.math.div(tf.math.mul(g.constant(2 / params.width()),
        tf.math.sub(radius, g.constant(params.radius()))), radius);
    return Optional.of(g.phaseSpace(tf.math.mul(factor, q), g.momenta(x, d)));
  }
}

package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * N unit charges of unit mass in an isotropic harmonic trap in d = 1, 2 or 3 dimensions (a
 * classical "Coulomb crystal"), {@code H = Σᵢ |pᵢ|²/2 + Σᵢ |xᵢ|²/2 + Σ_{i<j} 1/|xᵢ − xⱼ|}, with
 * {@code q = (x₁, y₁, …, x₂, y₂, …)} and p alike. The trap and the pair forces are central, so the
 * angular momentum is conserved: {@code angular-momentum} in 2-D, {@code angular-momentum-x},
 * {@code -y}, {@code -z} in 3-D. The pair forces cancel in the centre of mass, which therefore
 * oscillates exactly at the trap frequency 1 (Kohn's theorem). Pair distances² are floored at
 * {@value Kepler#R2_FLOOR} as in {@link Kepler}.
 *
 * <p>Sampled states: positions uniform in the ball of radius {@code radius}, each drawn again
 * until it is at least {@code min-distance} from those already placed (the whole configuration
 * restarts after 1000 misses); momentum components normal with standard deviation
 * {@code momentum-scale}.
 */
public final class CoulombGas implements HamiltonianSystem {

  /**
   * Largest fraction of the (radius + min-distance/2)-ball that the particles' exclusion balls
   * may fill: random sequential placement jams near 0.75 (1-D), 0.55 (2-D), 0.38 (3-D).
   */
  private static final double MAX_PACKING = 0.3;

  /** Parameters of {@code coulomb-gas}. */
  public record Parameters(
      @Param(value = "number of particles N", defaultValue = "4", min = 1) int nParticles,
      @Param(value = "dimension d of space (1, 2 or 3)", defaultValue = "2", min = 1, max = 3)
          int dimension,
      @Param(value = "radius of the ball the sampled positions are drawn from",
              defaultValue = "1.5", min = 0, minExclusive = true)
          double radius,
      @Param(value = "smallest distance between two sampled particles", defaultValue = "0.5",
              min = 0)
          double minDistance,
      @Param(value = "standard deviation of every sampled momentum component",
              defaultValue = "0.3", min = 0)
          double momentumScale) {
    public Parameters {
      double fill = nParticles * Math.pow(minDistance / 2, dimension)
          / Math.pow(radius + minDistance / 2, dimension);
      if (fill > MAX_PACKING) {
        throw new IllegalArgumentException("n-particles (" + nParticles
            + ") balls of diameter min-distance (" + minDistance
            + ") do not fit loosely into radius (" + radius + ") in " + dimension
            + " dimensions: they would fill " + String.format(Locale.ROOT, "%.2f", fill)
            + " of it, at most " + MAX_PACKING + " is allowed; lower min-distance or raise radius");
      }
    }
  }

  /** Factory for {@code coulomb-gas}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "coulomb-gas",
          "N charges in a harmonic trap, H = sum |p|^2/2 + sum |x|^2/2 + sum_{i<j} 1/|x_i - x_j|",
          Parameters.class,
          CoulombGas::new);

  private final Parameters params;
  private final Pairs pairs;

  public CoulombGas(Parameters params) {
    this.params = params;
    this.pairs = new Pairs(params.nParticles(), params.dimension());
  }

  @Override
  public int degreesOfFreedom() {
    return params.nParticles() * params.dimension();
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = degreesOfFreedom();
    Operand<T> q = g.positions(x, n);
    Operand<T> quadratic = SystemOps.scale(g, 0.5, SystemOps.rowSum(g, tf.math.square(x)));
    if (pairs.count() == 0) {
      return quadratic;
    }
    Operand<T> r2 = pairs.squaredDistances(g, pairs.differences(g, q));
    Operand<T> coulomb =
        SystemOps.rowSum(g, tf.math.rsqrt(Pairs.floored(g, r2, Kepler.R2_FLOOR)));
    return tf.math.add(quadratic, coulomb);
  }

  /**
   * {@code ∂H/∂xᵢ = xᵢ − Σ_{j≠i} (xᵢ − xⱼ)/|xᵢ − xⱼ|³}: per pair {@code d(1/r)/d(r²) = −y³/2}
   * with {@code y = 1/r}, 0 below the floor; {@code ∂H/∂pᵢ = pᵢ}.
   */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = degreesOfFreedom();
    Operand<T> q = g.positions(x, n);
    if (pairs.count() == 0) {
      return Optional.of(x);
    }
    Operand<T> diff = pairs.differences(g, q);
    Operand<T> r2 = pairs.squaredDistances(g, diff);
    Operand<T> y = tf.math.rsqrt(Pairs.floored(g, r2, Kepler.R2_FLOOR));
    Operand<T> dPhi = Pairs.aboveFloor(g, r2, Kepler.R2_FLOOR,
        tf.math.mul(tf.math.mul(g.constant(-0.5), y), tf.math.mul(y, y)));
    Operand<T> dq = tf.math.add(pairs.gradient(g, diff, dPhi), q);
    return Optional.of(g.phaseSpace(dq, g.momenta(x, n)));
  }

  /** The angular momentum (2-D: one component, 3-D: three; none on a line). */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    return MomentumMap.angularMomentum(params.nParticles(), params.dimension());
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    int count = params.nParticles();
    int d = params.dimension();
    double[] state = new double[2 * count * d];
    for (int attempt = 0; attempt < 10_000; attempt++) {
      if (place(random, state)) {
        for (int i = count * d; i < state.length; i++) {
          state[i] = params.momentumScale() * random.nextGaussian();
        }
        return state;
      }
    }
    throw new IllegalStateException("could not place " + count + " particles at least "
        + params.minDistance() + " apart in a ball of radius " + params.radius());
  }

  /** Places the particles one by one, uniformly in the ball, by rejection; false on failure. */
  private boolean place(RandomGenerator random, double[] state) {
    int d = params.dimension();
    double min2 = params.minDistance() * params.minDistance();
    for (int i = 0; i < params.nParticles(); i++) {
      boolean placed = false;
      for (int miss = 0; miss < 1000 && !placed; miss++) {
        double r2 = 0;
        for (int a = 0; a < d; a++) {
          state[i * d + a] = params.radius() * (2 * random.nextDouble() - 1);
          r2 += state[i * d + a] * state[i * d + a];
        }
        if (r2 > params.radius() * params.radius()) {
          continue;
        }
        placed = true;
        for (int j = 0; j < i && placed; j++) {
          double dist2 = 0;
          for (int a = 0; a < d; a++) {
            double delta = state[i * d + a] - state[j * d + a];
            dist2 += delta * delta;
          }
          placed = dist2 >= min2;
        }
      }
      if (!placed) {
        return false;
      }
    }
    return true;
  }
}

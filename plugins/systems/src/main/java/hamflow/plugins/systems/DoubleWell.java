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
 * The quartic double well {@code H = p²/2m + a q⁴ − b q²}: minima at {@code q = ±√(b/2a)} of
 * depth {@code −b²/4a}, a barrier of height {@code ΔV = b²/4a} at {@code q = 0}.
 */
public final class DoubleWell implements HamiltonianSystem {

  /** Parameters of {@code double-well}. */
  public record Parameters(
      @Param(value = "mass m", defaultValue = "1.0", min = 0, minExclusive = true) double mass,
      @Param(value = "quartic coefficient a", defaultValue = "1.0", min = 0, minExclusive = true)
          double quartic,
      @Param(value = "quadratic coefficient b (the potential is a q^4 - b q^2)",
              defaultValue = "1.0", min = 0, minExclusive = true)
          double quadratic,
      @Param(value = "smallest energy of a sampled state above the bottom of the wells, in units"
              + " of the barrier height b^2/4a (0: at rest in a minimum, 1: at the barrier top)",
              defaultValue = "0.2", min = 0)
          double energyMin,
      @Param(value = "largest energy of a sampled state above the bottom of the wells, in units"
              + " of the barrier height b^2/4a; states are drawn with energy uniform in"
              + " [energy-min, energy-max] and q uniform where V(q) <= energy",
              defaultValue = "2.0", min = 0)
          double energyMax) {
    public Parameters {
      if (energyMax < energyMin) {
        throw new IllegalArgumentException(
            "energy-max (" + energyMax + ") must not be below energy-min (" + energyMin + ")");
      }
    }
  }

  /** Factory for {@code double-well}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "double-well",
          "quartic double well H = p^2/2m + a q^4 - b q^2",
          Parameters.class,
          DoubleWell::new);

  private final Parameters params;

  public DoubleWell(Parameters params) {
    this.params = params;
  }

  /** The barrier height {@code b²/4a}, also the depth of the wells below {@code V = 0}. */
  public double barrierHeight() {
    return params.quadratic() * params.quadratic() / (4 * params.quartic());
  }

  /** {@code V(q) = a q⁴ − b q²}. */
  public double potential(double q) {
    double q2 = q * q;
    return params.quartic() * q2 * q2 - params.quadratic() * q2;
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
    Operand<T> q2 = tf.math.square(g.positions(x, 1));
    Operand<T> p = g.momenta(x, 1);
    Operand<T> kinetic = tf.math.mul(g.constant(0.5 / params.mass()), tf.math.square(p));
    Operand<T> potential =
        tf.math.mul(
            q2,
            tf.math.sub(
                tf.math.mul(g.constant(params.quartic()), q2), g.constant(params.quadratic())));
    return tf.sum(tf.math.add(kinetic, potential), tf.constant(1));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> q = g.positions(x, 1);
    // dV/dq = 4a q³ − 2b q = q (4a q² − 2b)
    Operand<T> dv =
        tf.math.mul(
            q,
            tf.math.sub(
                tf.math.mul(g.constant(4 * params.quartic()), tf.math.square(q)),
                g.constant(2 * params.quadratic())));
    return Optional.of(
        g.phaseSpace(dv, tf.math.mul(g.constant(1.0 / params.mass()), g.momenta(x, 1))));
  }

  /**
   * Energy {@code E = −ΔV + ε ΔV} with ε uniform in [energy-min, energy-max]; q uniform over the
   * allowed set {@code V(q) ≤ E} (one or two intervals, solved in closed form); p of random
   * sign with {@code p²/2m = E − V(q)}.
   */
  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double a = params.quartic();
    double b = params.quadratic();
    double depth = barrierHeight();
    double eps = params.energyMin() + (params.energyMax() - params.energyMin()) * random.nextDouble();
    double energy = -depth + eps * depth;
    // a u² − b u − E = 0 for u = q²: u± = (b ± √(b² + 4aE)) / 2a, with b² + 4aE = 4aΔV·ε ≥ 0.
    double root = Math.sqrt(Math.max(0, b * b + 4 * a * energy));
    double uMax = (b + root) / (2 * a);
    double uMin = Math.max(0, (b - root) / (2 * a));
    double lo = Math.sqrt(uMin);
    double hi = Math.sqrt(uMax);
    double q = lo + (hi - lo) * random.nextDouble();
    if (random.nextBoolean()) {
      q = -q;
    }
    double kinetic = Math.max(0, energy - potential(q));
    double p = Math.sqrt(2 * params.mass() * kinetic);
    if (random.nextBoolean()) {
      p = -p;
    }
    return new double[] {q, p};
  }
}

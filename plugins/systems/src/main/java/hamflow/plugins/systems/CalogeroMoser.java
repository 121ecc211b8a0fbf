package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The rational Calogero–Moser system of n unit-mass particles on a line,
 * {@code H = Σᵢ pᵢ²/2 + Σ_{i<j} g²/(qᵢ − qⱼ)² + ω² Σᵢ qᵢ²/2}. The inverse-square repulsion
 * keeps the particles in their initial order. It is integrable for every g and ω; with a trap
 * (ω > 0) it is isochronous: every solution is periodic with period {@code 2π/ω}, and after half
 * a period each particle sits where its mirror partner started, {@code qᵢ(π/ω) = −q_{n+1−i}(0)},
 * {@code pᵢ(π/ω) = −p_{n+1−i}(0)} (Calogero 1971; Olshanetsky &amp; Perelomov 1981). Without a
 * trap (ω = 0) the total momentum ({@code momentum}) is conserved — only then.
 *
 * <p>{@code (qᵢ − qⱼ)²} is floored at {@value #R2_FLOOR} so coincident particles stay finite
 * (1/floor² still fits in float32). Sampled states: particle i (0-based) at
 * {@code (i − (n−1)/2)·spacing} moved by {@code jitter·spacing·u}, u uniform in [−1, 1] (so
 * neighbours are at least {@code (1 − 2·jitter)·spacing} apart and in order), momenta uniform in
 * [−momentum-max, momentum-max].
 */
public final class CalogeroMoser implements HamiltonianSystem {

  /** Floor of {@code (qᵢ − qⱼ)²}: its inverse squared, 1e36, still fits in float32. */
  static final double R2_FLOOR = 1e-18;

  /** Parameters of {@code calogero-moser}. */
  public record Parameters(
      @Param(value = "number of particles n", defaultValue = "4", min = 2) int nParticles,
      @Param(value = "coupling g of the pair potential g^2/(q_i - q_j)^2", defaultValue = "1.0",
              min = 0)
          double coupling,
      @Param(value = "frequency omega of the harmonic trap omega^2 q^2/2 (0: no trap, the"
              + " particles scatter and the total momentum is conserved)",
              defaultValue = "1.0", min = 0)
          double omega,
      @Param(value = "spacing of the sampled particles' mean positions (at g = omega = 1 the"
              + " equilibrium, the zeros of the Hermite polynomial H_n, is 1.05 to 1.13 apart"
              + " for n = 4)",
              defaultValue = "1.2", min = 0, minExclusive = true)
          double spacing,
      @Param(value = "largest displacement of a sampled particle from its mean position, as a"
              + " fraction of the spacing (neighbours stay (1 - 2 jitter) spacing apart)",
              defaultValue = "0.1", min = 0, max = 0.5, maxExclusive = true)
          double jitter,
      @Param(value = "largest |p_i| of a sampled state: p_i uniform in"
              + " [-momentum-max, momentum-max]",
              defaultValue = "0.5", min = 0)
          double momentumMax) {}

  /** Factory for {@code calogero-moser}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "calogero-moser",
          "rational Calogero-Moser H = sum p^2/2 + sum_{i<j} g^2/(q_i - q_j)^2"
              + " + omega^2 sum q^2/2",
          Parameters.class,
          CalogeroMoser::new);

  private final Parameters params;
  private final Pairs pairs;

  public CalogeroMoser(Parameters params) {
    this.params = params;
    this.pairs = new Pairs(params.nParticles(), 1);
  }

  /** The period {@code 2π/ω} of every solution (infinite without a trap). */
  public double period() {
    return 2 * Math.PI / params.omega();
  }

  @Override
  public int degreesOfFreedom() {
    return params.nParticles();
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.nParticles();
    Operand<T> q = g.positions(x, n);
    Operand<T> r2 = pairs.squaredDistances(g, pairs.differences(g, q));
    double g2 = params.coupling() * params.coupling();
    Operand<T> pair = SystemOps.scale(g, g2,
        SystemOps.rowSum(g, tf.math.reciprocal(Pairs.floored(g, r2, R2_FLOOR))));
    Operand<T> quadratic = tf.math.add(
        SystemOps.rowSum(g, tf.math.square(g.momenta(x, n))),
        SystemOps.scale(g, params.omega() * params.omega(), SystemOps.rowSum(g, tf.math.square(q))));
    return tf.math.add(SystemOps.scale(g, 0.5, quadratic), pair);
  }

  /**
   * {@code ∂H/∂qᵢ = ω² qᵢ − Σ_{j≠i} 2g²/(qᵢ − qⱼ)³}: per pair {@code d(g²/r²)/d(r²) = −g²/r⁴},
   * 0 below the floor; {@code ∂H/∂pᵢ = pᵢ}.
   */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.nParticles();
    Operand<T> q = g.positions(x, n);
    Operand<T> diff = pairs.differences(g, q);
    Operand<T> r2 = pairs.squaredDistances(g, diff);
    Operand<T> y = tf.math.reciprocal(Pairs.floored(g, r2, R2_FLOOR));
    double g2 = params.coupling() * params.coupling();
    Operand<T> dPhi = Pairs.aboveFloor(g, r2, R2_FLOOR,
        tf.math.neg(tf.math.mul(g.constant(g2), tf.math.square(y))));
    Operand<T> dq = tf.math.add(
        pairs.gradient(g, diff, dPhi), SystemOps.scale(g, params.omega() * params.omega(), q));
    return Optional.of(g.phaseSpace(dq, g.momenta(x, n)));
  }

  /** {@code momentum} without a trap (ω = 0); nothing with one. */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    return params.omega() == 0 ? MomentumMap.totalMomentum(params.nParticles(), 1) : List.of();
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    int n = params.nParticles();
    double[] state = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double jitter = params.jitter() * (2 * random.nextDouble() - 1);
      state[i] = (i - (n - 1) / 2.0 + jitter) * params.spacing();
    }
    for (int i = 0; i < n; i++) {
      state[n + i] = params.momentumMax() * (2 * random.nextDouble() - 1);
    }
    return state;
  }
}

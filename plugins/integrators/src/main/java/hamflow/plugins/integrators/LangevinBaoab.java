package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.types.family.TFloating;

/**
 * Langevin dynamics {@code dq = ∂H/∂p dt, dp = −∂H/∂q dt − γ p dt + √(2γ m kT) dW} by the BAOAB
 * splitting of Leimkuhler and Matthews (Appl. Math. Res. Express 2013; J. Chem. Phys. 138,
 * 174102): a half kick (B), a half drift (A), the exact Ornstein–Uhlenbeck update of the momenta
 * (O), a half drift, a half kick. The O-step is
 * {@code p ← c p + √((1 − c²) m kT) ξ} with {@code c = exp(−γ dt)} and ξ standard normal, so it
 * leaves {@code exp(−p²/2m kT)} invariant exactly; the chain samples {@code exp(−H/kT)} with a
 * bias of O(dt²) (for a harmonic potential the positions are sampled exactly). Weak order 2.
 *
 * <p>Needs a separable H (its B and A steps are kicks and drifts) whose kinetic energy is
 * {@code Σ p²/2m} with the {@code mass} given here. With {@code friction = 0}, c = 1 and the noise
 * is multiplied by 0: the step is leapfrog (its drift split in two halves).
 *
 * <p>Noise: each step adds one stateful {@code RandomStandardNormal} op to the graph, seeded from
 * the {@code seed} parameter and the op's unique name in the graph. A stateful op draws new
 * numbers on every {@code Session.run}, so the runtime's re-runs of one unrolled chunk of steps
 * get fresh noise, and the distinct per-op seeds keep the steps within a chunk independent
 * (equal seeds would repeat the same numbers in every step). A graph built the same way with the
 * same seed gives the same trajectory; the stream depends on how many steps the runtime unrolls
 * per run (in a simulation, on {@code keep-every}).
 */
final class LangevinBaoab implements Integrator {
  static final String TYPE = "langevin-baoab";

  private final LangevinParameters params;

  LangevinBaoab(LangevinParameters params) {
    this.params = params;
  }

  @Override
  public boolean symplectic() {
    return false;
  }

  /** Weak order: the error of averages over the sampled distribution scales as dt². */
  @Override
  public int order() {
    return 2;
  }

  @Override
  public boolean requiresSeparable() {
    return true;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    Ops tf = g.tf();
    int n = field.degreesOfFreedom();
    Operand<T> half = tf.math.mul(g.constant(0.5), dt);
    Operand<T> y = Splitting.kick(g, field, x, half);
    y = Splitting.drift(g, field, y, half);
    Operand<T> c = tf.math.exp(tf.math.mul(g.constant(-params.friction()), dt));
    Operand<T> sigma = tf.math.sqrt(tf.math.mul(
        g.constant(params.mass() * params.temperature()),
        tf.math.sub(g.constant(1.0), tf.math.mul(c, c))));
    Operand<T> p = g.momenta(y, n);
    Operand<T> p2 = tf.math.add(tf.math.mul(c, p), tf.math.mul(sigma, noise(g, p)));
    y = g.phaseSpace(g.positions(y, n), p2);
    y = Splitting.drift(g, field, y, half);
    return Splitting.kick(g, field, y, half);
  }

  /** Standard normal numbers shaped like {@code p}, from a stateful op with its own seed. */
  private <T extends TFloating> Operand<T> noise(GraphContext<T> g, Operand<T> p) {
    Ops tf = g.tf();
    // A name unique in the graph ("LangevinNoise", "LangevinNoise_1", ...) tells the steps apart.
    String unique = tf.scope().makeUnique("LangevinNoise");
    long seed = mix(params.seed());
    long seed2 = mix(seed ^ unique.hashCode());
    if (seed == 0 && seed2 == 0) {
      seed2 = 1; // both zero would ask TF for a nondeterministic seed
    }
    return tf.random.randomStandardNormal(tf.shape(p), g.dtype(),
        RandomStandardNormal.seed(seed), RandomStandardNormal.seed2(seed2));
  }

  /** SplitMix64's finalizer: nearby inputs (seeds 1, 2, ...) give unrelated 64-bit outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

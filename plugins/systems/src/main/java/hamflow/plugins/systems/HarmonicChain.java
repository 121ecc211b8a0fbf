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
 * A chain of n unit masses joined by springs of stiffness κ, both ends fixed:
 * {@code H = Σᵢ pᵢ²/2 + Σ_{i=1..n+1} κ (qᵢ − qᵢ₋₁)²/2} with {@code q₀ = q_{n+1} = 0}. Its normal
 * modes {@code uₖ,ᵢ ∝ sin(i k π/(n+1))} have frequencies {@code ωₖ = 2√κ sin(kπ/(2n+2))}.
 */
public final class HarmonicChain implements HamiltonianSystem {

  /** Parameters of {@code harmonic-chain}. */
  public record Parameters(
      @Param(value = "number of moving sites n", defaultValue = "8", min = 1) int sites,
      @Param(value = "spring constant kappa of every bond", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double coupling,
      @Param(value = "amplitude of sampled states: every q_i and p_i uniform in"
              + " [-amplitude, amplitude]",
              defaultValue = "0.1", min = 0, minExclusive = true)
          double amplitude) {}

  /** Factory for {@code harmonic-chain}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "harmonic-chain",
          "chain of n masses and springs, fixed ends: H = sum p^2/2 + sum kappa (dq)^2/2",
          Parameters.class,
          HarmonicChain::new);

  private final Parameters params;

  public HarmonicChain(Parameters params) {
    this.params = params;
  }

  /** {@code ωₖ = 2√κ sin(kπ/(2n+2))} for {@code k = 1..n}, ascending. */
  public double[] normalModeFrequencies() {
    int n = params.sites();
    double[] omega = new double[n];
    for (int k = 1; k <= n; k++) {
      omega[k - 1] = 2 * Math.sqrt(params.coupling()) * Math.sin(k * Math.PI / (2 * n + 2));
    }
    return omega;
  }

  @Override
  public int degreesOfFreedom() {
    return params.sites();
  }

  @Override
  public boolean separable() {
    return true;
  }

  /** The n + 1 bond extensions {@code qᵢ − qᵢ₋₁}, i = 1..n+1, shape {@code [batch, n+1]}. */
  private <T extends TFloating> Operand<T> bonds(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.sites();
    // Pad q with the fixed ends q₀ = q_{n+1} = 0: [batch, n+2].
    Operand<T> padded =
        tf.pad(g.positions(x, n), tf.constant(new int[][] {{0, 0}, {1, 1}}), g.constant(0.0));
    Operand<T> right = tf.slice(padded, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, n + 1}));
    Operand<T> left = tf.slice(padded, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, n + 1}));
    return tf.math.sub(right, left);
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> kinetic =
        tf.sum(tf.math.square(g.momenta(x, params.sites())), tf.constant(1));
    Operand<T> potential =
        tf.math.mul(
            g.constant(params.coupling()), tf.sum(tf.math.square(bonds(g, x)), tf.constant(1)));
    return tf.math.mul(g.constant(0.5), tf.math.add(kinetic, potential));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.sites();
    Operand<T> d = bonds(g, x);
    // ∂H/∂qᵢ = κ (dᵢ − dᵢ₊₁) with dᵢ = qᵢ − qᵢ₋₁: bonds 0..n−1 minus bonds 1..n.
    Operand<T> lower = tf.slice(d, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, n}));
    Operand<T> upper = tf.slice(d, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, n}));
    Operand<T> dq = tf.math.mul(g.constant(params.coupling()), tf.math.sub(lower, upper));
    return Optional.of(g.phaseSpace(dq, g.momenta(x, n)));
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double[] state = new double[2 * params.sites()];
    for (int i = 0; i < state.length; i++) {
      state[i] = params.amplitude() * (2 * random.nextDouble() - 1);
    }
    return state;
  }
}

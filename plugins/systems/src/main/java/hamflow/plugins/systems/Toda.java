package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The Toda lattice of n unit masses, {@code H = Σᵢ pᵢ²/2 + Σ_bonds exp(qᵢ − qᵢ₊₁)} (the
 * exponential of the standard Toda potential {@code (a/b) e^{−b r} + a r} with a = b = 1, the
 * linear part dropped: it sums to a constant on a ring and to {@code q₁ − qₙ} on a free chain).
 * With {@code boundary: open} the bonds join neighbours (n − 1 bonds, the chain flies apart);
 * with {@code boundary: periodic} it is a ring, {@code q_{n+1} = q₁} (n bonds, bounded relative
 * motion; around {@code q = const} it is the harmonic ring with {@code ωₖ = 2 sin(kπ/n)}).
 *
 * <p>The lattice is integrable (Hénon 1974, Flaschka 1974): with the Lax matrix L of Flaschka's
 * {@code aᵢ = e^{(qᵢ − qᵢ₊₁)/2}/2}, {@code bᵢ = −pᵢ/2}, every {@code tr Lᵏ} is conserved. Besides
 * H ({@code ∝ tr L²}) this system reports the first and the third:
 * {@code momentum = Σ pᵢ} and {@code cubic-integral = Σ pᵢ³/3 + Σ_bonds (pᵢ + pᵢ₊₁) exp(qᵢ −
 * qᵢ₊₁)} ({@code ∝ tr L³}), conserved for either boundary.
 *
 * <p>Sampled states have every {@code qᵢ} and {@code pᵢ} uniform in [−amplitude, amplitude].
 */
public final class Toda implements HamiltonianSystem {

  /** The valid values of {@code boundary}. */
  public static final List<String> BOUNDARIES = List.of("open", "periodic");

  /** Parameters of {@code toda}. */
  public record Parameters(
      @Param(value = "number of sites n", defaultValue = "6", min = 2) int sites,
      @Param(value = "ends of the chain: open (free ends, n - 1 bonds) or periodic (a ring,"
              + " n bonds)",
              defaultValue = "periodic")
          String boundary,
      @Param(value = "amplitude of sampled states: every q_i and p_i uniform in"
              + " [-amplitude, amplitude]",
              defaultValue = "0.5", min = 0)
          double amplitude) {
    public Parameters {
      if (boundary == null || !BOUNDARIES.contains(boundary)) {
        throw new IllegalArgumentException("unknown boundary '" + boundary
            + "'; valid choices: " + String.join(", ", BOUNDARIES));
      }
    }
  }

  /** Factory for {@code toda}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "toda",
          "Toda lattice H = sum p^2/2 + sum exp(q_i - q_{i+1}), open or periodic, with its"
              + " cubic integral",
          Parameters.class,
          Toda::new);

  private final Parameters params;
  private final ChainBonds bonds;

  public Toda(Parameters params) {
    this.params = params;
    this.bonds = params.boundary().equals("open") ? ChainBonds.OPEN : ChainBonds.PERIODIC;
  }

  @Override
  public int degreesOfFreedom() {
    return params.sites();
  }

  @Override
  public boolean separable() {
    return true;
  }

  /** {@code exp(qᵢ − qᵢ₊₁) = exp(−Δ)} of every bond, {@code [batch, bonds]}. */
  private <T extends TFloating> Operand<T> exponentials(GraphContext<T> g, Operand<T> x) {
    int n = params.sites();
    return g.tf().math.exp(g.tf().math.neg(bonds.extensions(g, g.positions(x, n), n)));
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> kinetic = SystemOps.scale(g, 0.5,
        SystemOps.rowSum(g, tf.math.square(g.momenta(x, params.sites()))));
    return tf.math.add(kinetic, SystemOps.rowSum(g, exponentials(g, x)));
  }

  /** Bond force {@code d/dΔ e^{−Δ} = −e^{−Δ}}, mapped to the sites. */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    int n = params.sites();
    Operand<T> force = g.tf().math.neg(exponentials(g, x));
    return Optional.of(g.phaseSpace(bonds.divergence(g, force, n), g.momenta(x, n)));
  }

  /** {@code momentum} and {@code cubic-integral}. */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    List<ConservedQuantity> out = new ArrayList<>(MomentumMap.totalMomentum(params.sites(), 1));
    out.add(new ConservedQuantity() {
      @Override
      public String name() {
        return "cubic-integral";
      }

      @Override
      public <T extends TFloating> Operand<T> evaluate(GraphContext<T> g, Operand<T> x) {
        Ops tf = g.tf();
        int n = params.sites();
        Operand<T> p = g.momenta(x, n);
        Operand<T> cubes = SystemOps.scale(g, 1.0 / 3,
            SystemOps.rowSum(g, tf.math.mul(tf.math.square(p), p)));
        Operand<T> coupling =
            SystemOps.rowSum(g, tf.math.mul(bonds.sums(g, p, n), exponentials(g, x)));
        return tf.math.add(cubes, coupling);
      }
    });
    return List.copyOf(out);
  }

  /** {@code I₃ = Σ pᵢ³/3 + Σ_bonds (pᵢ + pᵢ₊₁) exp(qᵢ − qᵢ₊₁)} of one state, in plain Java. */
  public double cubicIntegral(double[] state) {
    int n = params.sites();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double p = state[n + i];
      sum += p * p * p / 3;
    }
    int count = bonds.count(n);
    for (int b = 0; b < count; b++) {
      int next = (b + 1) % n;
      sum += (state[n + b] + state[n + next]) * Math.exp(state[b] - state[next]);
    }
    return sum;
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

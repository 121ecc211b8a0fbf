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
 * The Fermi–Pasta–Ulam–Tsingou chain of n unit masses with anharmonic springs,
 * {@code H = Σᵢ pᵢ²/2 + Σ_bonds [Δ²/2 + α Δ³/3 + β Δ⁴/4]}, {@code Δ = q_{i+1} − qᵢ}. With
 * {@code boundary: fixed} the ends are walls, {@code q₀ = q_{n+1} = 0} (n + 1 bonds); with
 * {@code boundary: periodic} the chain is a ring, {@code q_{n+1} = q₁} (n bonds), which also
 * conserves the total momentum {@code Σ pᵢ} ({@code momentum}).
 *
 * <p>The harmonic part has orthonormal normal modes: for fixed ends
 * {@code uₖ(i) = √(2/(n+1)) sin(ikπ/(n+1))} with {@code ωₖ = 2 sin(kπ/(2n+2))}, k = 1..n (the
 * {@link HarmonicChain} of κ = 1); for a ring the real Fourier basis — the constant
 * {@code 1/√n} (ω = 0), then for k = 1, 2, … below n/2 the pair {@code √(2/n) cos(2πik/n)},
 * {@code √(2/n) sin(2πik/n)}, and for even n the alternating {@code (−1)ⁱ/√n} — with
 * {@code ωₖ = 2 sin(kπ/n)}. The mode energies {@code Eₖ = (Pₖ² + ωₖ² Qₖ²)/2} of
 * {@link #normalModeEnergies(double[], String)} sum to H when α = β = 0.
 *
 * <p>The sampler ({@code start: lowest-mode}, the default) starts as Fermi, Pasta, Ulam and
 * Tsingou did (1955): all the energy in the lowest mode, at rest — {@code qᵢ = A sin(iπ/(n+1))}
 * for fixed ends, {@code qᵢ = A cos(2πi/n)} for a ring, {@code p = 0} — then adds to every
 * {@code qᵢ} and {@code pᵢ} its own {@code perturbation·u}, u uniform in [−1, 1] (none by
 * default). Modes that only the perturbation excites then hold actions down to zero.
 * {@code start: mode-actions} instead gives every mode k of nonzero frequency a harmonic action
 * {@code Jₖ} uniform in [{@code action-min}, {@code action-max}] and a uniform phase φₖ:
 * {@code Qₖ = √(2Jₖ/ωₖ) cos φₖ}, {@code Pₖ = −√(2Jₖωₖ) sin φₖ} (so {@code Eₖ = ωₖJₖ}); a
 * ring's zero mode (the centre of mass) stays at rest at the origin.
 */
public final class Fput implements HamiltonianSystem {

  /** The valid values of {@code boundary}. */
  public static final List<String> BOUNDARIES = List.of("fixed", "periodic");

  /** The valid values of {@code start}. */
  public static final List<String> STARTS = List.of("lowest-mode", "mode-actions");

  /** Parameters of {@code fput}. */
  public record Parameters(
      @Param(value = "number of moving sites n", defaultValue = "8", min = 1) int sites,
      @Param(value = "cubic coefficient alpha of every bond (the potential has alpha d^3/3)",
              defaultValue = "0.25")
          double alpha,
      @Param(value = "quartic coefficient beta of every bond (the potential has beta d^4/4)",
              defaultValue = "0.0")
          double beta,
      @Param(value = "ends of the chain: fixed (walls q_0 = q_{n+1} = 0) or periodic (a ring)",
              defaultValue = "fixed")
          String boundary,
      @Param(value = "amplitude A of the lowest mode in sampled states: q_i = A sin(i pi/(n+1))"
              + " (fixed) or A cos(2 pi i/n) (periodic), p = 0",
              defaultValue = "1.0")
          double amplitude,
      @Param(value = "size of a random perturbation of sampled states: every q_i and p_i moved"
              + " by perturbation * U[-1, 1]",
              defaultValue = "0.0", min = 0)
          double perturbation,
      @Param(value = "how sampled states start: lowest-mode (amplitude, then perturbation) or"
              + " mode-actions (every mode's harmonic action uniform in [action-min, action-max],"
              + " its phase uniform)",
              defaultValue = "lowest-mode")
          String start,
      @Param(value = "smallest harmonic action of a mode under start: mode-actions",
              defaultValue = "0.02", min = 0)
          double actionMin,
      @Param(value = "largest harmonic action of a mode under start: mode-actions",
              defaultValue = "0.1", min = 0)
          double actionMax) {
    public Parameters {
      checkBoundary(boundary);
      if (boundary.equals("periodic") && sites < 2) {
        throw new IllegalArgumentException(
            "a periodic chain needs at least 2 sites (sites = " + sites + ")");
      }
      if (start == null || !STARTS.contains(start)) {
        throw new IllegalArgumentException("unknown start '" + start
            + "'; valid choices: " + String.join(", ", STARTS));
      }
      if (start.equals("mode-actions") && (amplitude != 1.0 || perturbation != 0)) {
        throw new IllegalArgumentException("amplitude (" + amplitude + ") and perturbation ("
            + perturbation + ") shape the lowest-mode start only; start: mode-actions draws"
            + " every mode from [action-min, action-max] (leave them out, or use start:"
            + " lowest-mode)");
      }
      if (actionMax < actionMin) {
        throw new IllegalArgumentException("action-max (" + actionMax
            + ") must not be below action-min (" + actionMin + ")");
      }
    }

    /** The lowest-mode start of earlier versions. */
    public Parameters(int sites, double alpha, double beta, String boundary, double amplitude,
        double perturbation) {
      this(sites, alpha, beta, boundary, amplitude, perturbation, "lowest-mode", 0.02, 0.1);
    }
  }

  /** Factory for {@code fput}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "fput",
          "Fermi-Pasta-Ulam-Tsingou chain H = sum p^2/2 + sum (d^2/2 + alpha d^3/3 + beta d^4/4)",
          Parameters.class,
          Fput::new);

  private final Parameters params;
  private final ChainBonds bonds;
  /** The mode basis and frequencies, built once: the mode-actions sampler reads them per state. */
  private final double[][] modes;
  private final double[] omega;

  public Fput(Parameters params) {
    this.params = params;
    this.bonds = ends(params.boundary());
    this.modes = normalModes(params.sites(), params.boundary());
    this.omega = normalModeFrequencies(params.sites(), params.boundary());
  }

  private static void checkBoundary(String boundary) {
    if (boundary == null || !BOUNDARIES.contains(boundary)) {
      throw new IllegalArgumentException("unknown boundary '" + boundary
          + "'; valid choices: " + String.join(", ", BOUNDARIES));
    }
  }

  private static ChainBonds ends(String boundary) {
    checkBoundary(boundary);
    return boundary.equals("fixed") ? ChainBonds.FIXED : ChainBonds.PERIODIC;
  }

  /** The harmonic frequencies {@code ωₖ} of the modes, in the order of the mode basis. */
  public double[] normalModeFrequencies() {
    return omega.clone();
  }

  /**
   * The harmonic frequencies of a chain of n sites, ascending: fixed ends
   * {@code 2 sin(kπ/(2n+2))}, k = 1..n; a ring {@code 2 sin(kπ/n)} for the basis functions
   * described in the class comment (0 first, then each k < n/2 twice, then 2 for even n).
   */
  public static double[] normalModeFrequencies(int n, String boundary) {
    double[] omega = new double[n];
    for (int m = 0; m < n; m++) {
      omega[m] = ends(boundary) == ChainBonds.FIXED
          ? 2 * Math.sin((m + 1) * Math.PI / (2 * n + 2))
          : 2 * Math.sin(ringWaveNumber(m) * Math.PI / n);
    }
    return omega;
  }

  /** The wave number k of ring basis function m: 0, 1, 1, 2, 2, … (and n/2 last for even n). */
  private static int ringWaveNumber(int m) {
    return (m + 1) / 2;
  }

  /** The orthonormal mode basis: row m is mode m over the sites i = 1..n. */
  public static double[][] normalModes(int n, String boundary) {
    double[][] u = new double[n][n];
    boolean fixed = ends(boundary) == ChainBonds.FIXED;
    for (int m = 0; m < n; m++) {
      int k = fixed ? m + 1 : ringWaveNumber(m);
      for (int i = 1; i <= n; i++) {
        if (fixed) {
          u[m][i - 1] = Math.sqrt(2.0 / (n + 1)) * Math.sin(i * k * Math.PI / (n + 1));
        } else if (k == 0 || 2 * k == n) {
          u[m][i - 1] = Math.cos(2 * Math.PI * i * k / n) / Math.sqrt(n);
        } else if (m % 2 == 1) {
          u[m][i - 1] = Math.sqrt(2.0 / n) * Math.cos(2 * Math.PI * i * k / n);
        } else {
          u[m][i - 1] = Math.sqrt(2.0 / n) * Math.sin(2 * Math.PI * i * k / n);
        }
      }
    }
    return u;
  }

  /**
   * The harmonic mode energies {@code Eₖ = (Pₖ² + ωₖ² Qₖ²)/2} of a state {@code (q₁…qₙ,
   * p₁…pₙ)}, with {@code Qₖ = Σᵢ uₖ(i) qᵢ}, {@code Pₖ = Σᵢ uₖ(i) pᵢ} (the sine transform for
   * fixed ends, the real Fourier transform for a ring), in the order of
   * {@link #normalModeFrequencies(int, String)}.
   */
  public static double[] normalModeEnergies(double[] state, String boundary) {
    int n = state.length / 2;
    double[][] u = normalModes(n, boundary);
    double[] omega = normalModeFrequencies(n, boundary);
    double[] energy = new double[n];
    for (int m = 0; m < n; m++) {
      double q = 0;
      double p = 0;
      for (int i = 0; i < n; i++) {
        q += u[m][i] * state[i];
        p += u[m][i] * state[n + i];
      }
      energy[m] = (p * p + omega[m] * omega[m] * q * q) / 2;
    }
    return energy;
  }

  /** {@link #normalModeEnergies(double[], String)} with this chain's boundary. */
  public double[] normalModeEnergies(double[] state) {
    return normalModeEnergies(state, params.boundary());
  }

  @Override
  public int degreesOfFreedom() {
    return params.sites();
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.sites();
    Operand<T> d = bonds.extensions(g, g.positions(x, n), n);
    // Δ²/2 + αΔ³/3 + βΔ⁴/4 = Δ² (1/2 + Δ (α/3 + βΔ/4))
    Operand<T> inner =
        tf.math.add(g.constant(params.alpha() / 3), SystemOps.scale(g, params.beta() / 4, d));
    Operand<T> bond =
        tf.math.mul(tf.math.square(d), tf.math.add(g.constant(0.5), tf.math.mul(d, inner)));
    Operand<T> kinetic = SystemOps.scale(g, 0.5,
        SystemOps.rowSum(g, tf.math.square(g.momenta(x, n))));
    return tf.math.add(kinetic, SystemOps.rowSum(g, bond));
  }

  /** Bond force {@code φ'(Δ) = Δ + αΔ² + βΔ³}, then {@code ∂H/∂qᵢ = φ'(Δᵢ₋₁) − φ'(Δᵢ)}. */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = params.sites();
    Operand<T> d = bonds.extensions(g, g.positions(x, n), n);
    Operand<T> force = tf.math.add(g.constant(1.0),
        tf.math.mul(d, tf.math.add(g.constant(params.alpha()), SystemOps.scale(g, params.beta(), d))));
    force = tf.math.mul(d, force);
    return Optional.of(g.phaseSpace(bonds.divergence(g, force, n), g.momenta(x, n)));
  }

  /** {@code momentum} for a ring; nothing for fixed ends (the walls take momentum). */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    return bonds == ChainBonds.PERIODIC
        ? MomentumMap.totalMomentum(params.sites(), 1)
        : List.of();
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    return params.start().equals("mode-actions") ? modeActionState(random) : lowestModeState(random);
  }

  /** Harmonic actions uniform in [action-min, action-max], phases uniform, per mode. */
  private double[] modeActionState(RandomGenerator random) {
    int n = params.sites();
    double[] state = new double[2 * n];
    for (int m = 0; m < n; m++) {
      if (omega[m] == 0) {
        continue; // a ring's centre of mass: no oscillation, no action
      }
      double action = params.actionMin()
          + (params.actionMax() - params.actionMin()) * random.nextDouble();
      double phase = 2 * Math.PI * random.nextDouble();
      double q = Math.sqrt(2 * action / omega[m]) * Math.cos(phase);
      double p = -Math.sqrt(2 * action * omega[m]) * Math.sin(phase);
      // the basis is orthonormal: site i gets Σₘ uₘ(i) Qₘ
      for (int i = 0; i < n; i++) {
        state[i] += modes[m][i] * q;
        state[n + i] += modes[m][i] * p;
      }
    }
    return state;
  }

  private double[] lowestModeState(RandomGenerator random) {
    int n = params.sites();
    double[] state = new double[2 * n];
    for (int i = 1; i <= n; i++) {
      state[i - 1] = params.amplitude() * (bonds == ChainBonds.FIXED
          ? Math.sin(i * Math.PI / (n + 1))
          : Math.cos(2 * Math.PI * i / n));
    }
    if (params.perturbation() > 0) {
      for (int i = 0; i < 2 * n; i++) {
        state[i] += params.perturbation() * (2 * random.nextDouble() - 1);
      }
    }
    return state;
  }
}

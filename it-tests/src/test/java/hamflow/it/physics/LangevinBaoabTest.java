package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import hamflow.plugins.integrators.LangevinParameters;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.runtime.analysis.Equilibrium;
import hamflow.runtime.analysis.EquilibriumSettings;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * The BAOAB Langevin thermostat samples the canonical distribution (equipartition and virial on
 * a harmonic oscillator, through the {@code equilibrium} analysis), draws fresh noise in every
 * step and every {@code Session.run} yet is reproducible from its seed, and is leapfrog without
 * friction.
 */
class LangevinBaoabTest {
  private static final double MASS = 2.0;
  private static final double SPRING = 0.5;
  private static final double KT = 0.7;
  private static final double FRICTION = 1.0;
  private static final double DT = 0.05;

  /**
   * H = p²/2m + k q²/2 with m = 2, k = 0.5 (ω = 0.5), kT = 0.7, γ = 1, dt = 0.05. 16
   * trajectories of 40 000 steps (t = 2000, 2000/γ relaxation times), a state kept every 50
   * steps (2.5 time units); the first 10% is burn-in, leaving 16 × 721 samples, in 20 batches of
   * 90 time units per trajectory — far longer than the correlation times (1/γ for p², about
   * 2/γ for q² at this near-critical damping γ = 2ω), so the batch means are independent.
   *
   * <p>Expected: ⟨p ∂H/∂p⟩ = ⟨p²⟩/m = kT and ⟨q ∂H/∂q⟩ = k⟨q²⟩ = kT. BAOAB's bias on this
   * system is exactly 0 for q and a factor 1 − ω²dt²/4 = 1 − 1.6e-4 for p (Leimkuhler & Matthews
   * 2013), i.e. 1e-4 here, two orders below the standard error (≈ 0.01): each average must lie
   * within 3 standard errors of kT. The standard error itself must be close to that of
   * independent samples, kT √(2/N) — too small a one would make the 3-SE test meaningless.
   */
  @Test
  void samplesEquipartitionAndVirialOnAnOscillator() {
    HarmonicOscillator oscillator =
        new HarmonicOscillator(new HarmonicOscillator.Parameters(MASS, SPRING, 0.0, 0.2, 1.0));
    Integrator baoab = BundledPlugins.integrator(
        "langevin-baoab", new LangevinParameters(FRICTION, KT, MASS, 11));
    double[][] initial = new double[16][];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = new double[] {i % 2 == 0 ? 1.0 : -0.5, 0.1 * i};
    }
    double[][][] states;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      states = new Simulator<>(g, oscillator, baoab).run(initial, DT, 40_000, 50, n -> {})
          .states();
    }
    Equilibrium.Result r =
        Equilibrium.analyse(new EquilibriumSettings(0.1, 20), oscillator, states);
    assertThat(r.samplesPerTrajectory()).isEqualTo(721);
    Equilibrium.Averages a = r.perDof().get(0);
    double independent = KT * Math.sqrt(2.0 / (r.samplesPerTrajectory() * r.trajectories()));
    check("<p dH/dp>", a.pDHdp(), KT, independent);
    check("<q dH/dq>", a.qDHdq(), KT, independent);
    check("<p^2>/m", scale(a.pSquared(), 1 / MASS), KT, independent);
    check("k<q^2>", scale(a.qSquared(), SPRING), KT, independent);
    // For this H, p ∂H/∂p is p²/m and q ∂H/∂q is k q²: the analysis must agree with itself.
    assertThat(a.pDHdp().mean()).isCloseTo(a.pSquared().mean() / MASS, within(1e-12));
    assertThat(r.overDof()).isEqualTo(a); // one degree of freedom: the mean over it is itself
  }

  private static Equilibrium.Estimate scale(Equilibrium.Estimate e, double factor) {
    return new Equilibrium.Estimate(e.mean() * factor, e.standardError() * factor);
  }

  private static void check(String what, Equilibrium.Estimate e, double expected,
      double independentError) {
    System.out.printf(Locale.ROOT, "[langevin] %-10s = %.4f ± %.4f (kT = %.2f, %.2f SE;"
            + " independent-sample SE %.4f)%n",
        what, e.mean(), e.standardError(), expected,
        (e.mean() - expected) / e.standardError(), independentError);
    assertThat(Math.abs(e.mean() - expected)).as("|%s − kT|", what)
        .isLessThan(3 * e.standardError());
    assertThat(e.standardError()).as("standard error of %s", what)
        .isBetween(0.7 * independentError, 2.0 * independentError);
  }

  /**
   * With γ = 0 the O-step is {@code p ← 1·p + 0·ξ} and the two half drifts add up to leapfrog's
   * drift: the trajectories agree to round-off (the halves are rounded separately) over 1000
   * steps of the pendulum, whatever the temperature.
   */
  @Test
  void withoutFrictionItIsLeapfrog() {
    HamiltonianSystem pendulum = BundledPlugins.systemWithDefaults("pendulum");
    double[][] initial = {{1.0, 0.5}, {2.5, -0.3}, {0.0, 1.9}};
    double[][][] a = simulate(pendulum,
        BundledPlugins.integrator("langevin-baoab", new LangevinParameters(0.0, 5.0, 1.0, 3)),
        initial, 1000, 50);
    double[][][] b = simulate(pendulum, BundledPlugins.integrator("leapfrog"), initial, 1000, 50);
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < a[i].length; k++) {
        for (int j = 0; j < a[i][k].length; j++) {
          worst = Math.max(worst, Math.abs(a[i][k][j] - b[i][k][j]));
        }
      }
    }
    System.out.printf(Locale.ROOT, "[langevin] friction 0 vs leapfrog: max difference %.2e%n",
        worst);
    assertThat(worst).isLessThan(1e-12);
  }

  /**
   * A free particle H = p²/2m: its kicks vanish, so one BAOAB step changes p by the O-step
   * alone, {@code p' = c p + σ ξ}, and the noise ξ of each step can be read back exactly from
   * consecutive momenta.
   */
  static final class FreeParticle implements HamiltonianSystem {
    private final int dof;

    FreeParticle(int dof) {
      this.dof = dof;
    }

    @Override
    public int degreesOfFreedom() {
      return dof;
    }

    @Override
    public boolean separable() {
      return true;
    }

    @Override
    public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
      Operand<T> p = g.momenta(x, dof);
      return g.tf().math.mul(g.constant(0.5 / MASS),
          g.tf().sum(g.tf().math.square(p), g.tf().constant(1)));
    }

    @Override
    public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
      Operand<T> p = g.momenta(x, dof);
      return Optional.of(g.phaseSpace(g.tf().zerosLike(p),
          g.tf().math.mul(g.constant(1 / MASS), p)));
    }

    @Override
    public double[] sampleInitialState(RandomGenerator random) {
      return new double[2 * dof];
    }
  }

  private static final double C = Math.exp(-FRICTION * DT);
  private static final double SIGMA = Math.sqrt((1 - C * C) * MASS * KT);

  /** ξ from momenta before and after one step: {@code (p' − c p)/σ}, all columns p of x. */
  private static double[] noise(double[][] before, double[][] after, int dof) {
    double[] xi = new double[before.length * dof];
    for (int i = 0; i < before.length; i++) {
      for (int j = 0; j < dof; j++) {
        xi[i * dof + j] = (after[i][dof + j] - C * before[i][dof + j]) / SIGMA;
      }
    }
    return xi;
  }

  /**
   * Two steps in one graph (as the runtime unrolls them), run twice: four noise draws. Each must
   * differ from the others (a stateless op, or stateful ops sharing one seed, would repeat); the
   * 4 × 400 × 2 values must look standard normal (mean within 4/√N of 0, variance within
   * 4√(2/N) of 1); a graph rebuilt with the same seed repeats them exactly, another seed does
   * not.
   */
  @Test
  void noiseIsFreshPerStepAndPerRunAndReproducibleFromTheSeed() {
    double[][] first = drawNoise(11);
    double[][] again = drawNoise(11);
    double[][] other = drawNoise(12);
    for (int a = 0; a < first.length; a++) {
      for (int b = a + 1; b < first.length; b++) {
        assertThat(maxAbsDiff(first[a], first[b])).as("noise draws %d and %d", a, b)
            .isGreaterThan(1.0);
      }
      assertThat(again[a]).as("draw %d with the same seed", a).containsExactly(first[a]);
      assertThat(maxAbsDiff(first[a], other[a])).as("draw %d with another seed", a)
          .isGreaterThan(1.0);
    }
    double[] all = Arrays.stream(first).flatMapToDouble(Arrays::stream).toArray();
    double mean = Arrays.stream(all).average().orElseThrow();
    double variance = Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / all.length;
    System.out.printf(Locale.ROOT, "[langevin] %d noise values: mean %.4f, variance %.4f%n",
        all.length, mean, variance);
    assertThat(Math.abs(mean)).isLessThan(4 / Math.sqrt(all.length));
    assertThat(Math.abs(variance - 1)).isLessThan(4 * Math.sqrt(2.0 / all.length));
  }

  /** Noise of steps 1, 2 (first run) and 3, 4 (second run of the same graph). */
  private static double[][] drawNoise(long seed) {
    int dof = 2;
    FreeParticle particle = new FreeParticle(dof);
    Integrator baoab = BundledPlugins.integrator(
        "langevin-baoab", new LangevinParameters(FRICTION, KT, MASS, seed));
    double[][] start = new double[400][2 * dof];
    for (int i = 0; i < start.length; i++) {
      start[i][dof] = 0.01 * i; // momenta not all zero, so c·p matters
    }
    double[][] noise = new double[4][];
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x0 = g.placeholder();
      SystemField<TFloat64> field = new SystemField<>(g, particle);
      Operand<TFloat64> x1 = baoab.step(g, field, x0, g.constant(DT));
      Operand<TFloat64> x2 = baoab.step(g, field, x1, g.constant(DT));
      for (int run = 0; run < 2; run++) {
        try (Tensor in = Tensors.matrix(g.dtype(), start);
            Result out = g.session().runner().feed(x0, in).fetch(x1).fetch(x2).run()) {
          double[][] s1 = Tensors.rows(out.get(0));
          double[][] s2 = Tensors.rows(out.get(1));
          noise[2 * run] = noise(start, s1, dof);
          noise[2 * run + 1] = noise(s1, s2, dof);
        }
      }
    }
    return noise;
  }

  /**
   * Through the Simulator, one step per {@code Session.run} (keep-every 1): the noise read back
   * from consecutive kept states differs from run to run — a stateless op with a fixed seed
   * would give the same ξ in every run — and two simulations with the same seed are identical.
   */
  @Test
  void simulatorRunsGetFreshNoiseAndRepeatWithTheSameSeed() {
    FreeParticle particle = new FreeParticle(1);
    double[][] initial = new double[50][2];
    Integrator baoab = BundledPlugins.integrator(
        "langevin-baoab", new LangevinParameters(FRICTION, KT, MASS, 5));
    double[][][] a = simulate(particle, baoab, initial, 20, 1);
    double[][][] b = simulate(particle, BundledPlugins.integrator(
        "langevin-baoab", new LangevinParameters(FRICTION, KT, MASS, 5)), initial, 20, 1);
    assertThat(b).isDeepEqualTo(a);
    double[][] xi = new double[20][];
    for (int k = 0; k < 20; k++) {
      double[][] before = new double[a.length][];
      double[][] after = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        before[i] = a[i][k];
        after[i] = a[i][k + 1];
      }
      xi[k] = noise(before, after, 1);
    }
    for (int k = 1; k < xi.length; k++) {
      assertThat(maxAbsDiff(xi[k], xi[k - 1])).as("noise of runs %d and %d", k - 1, k)
          .isGreaterThan(1.0);
    }
  }

  private static double[][][] simulate(HamiltonianSystem system, Integrator integrator,
      double[][] initial, int steps, int keepEvery) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new Simulator<>(g, system, integrator)
          .run(initial, DT, steps, keepEvery, n -> {}).states();
    }
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}

package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.systems.HarmonicOscillator;
import hamflow.plugins.systems.MassSpring;
import hamflow.plugins.systems.Pendulum;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * The closed-form gradients of the systems agree with TensorFlow's automatic differentiation of
 * their Hamiltonian, with a finite difference of it, and with the documented formulas.
 */
class SystemGradientTest {

  /**
   * Closed form and autodiff evaluate the same derivative in float64, differing only in the order
   * of a handful of roundings: ~1e-16 relative on values of at most ~50 here (|x| ≤ 10), so
   * ≲ 1e-14. 1e-10 leaves four orders of margin, while a wrong factor, sign or term is O(1).
   */
  private static final double AUTODIFF_TOLERANCE = 1e-10;

  /** Central-difference step: balances truncation (h²) against cancellation (ε/h). */
  private static final double FD_STEP = 1e-6;

  /**
   * Central difference error: truncation h²|H'''|/6 ≲ 1e-12·|H'''| (|H'''| ≤ mgl ≈ 9 for the
   * pendulum, 0 for the quadratic systems) plus cancellation ≈ ε|H|/h ≈ 2e-10·|H|, with
   * |H| ≤ ~150 at the largest hand-picked state: at most ~3e-8, so 1e-6 is safe, yet far below
   * any error in a coefficient (a 1% error in k or m is ≥ 1e-3 at these states).
   */
  private static final double FD_TOLERANCE = 1e-6;

  /** The documented formulas, evaluated in Java, agree with the TF ops to round-off. */
  private static final double FORMULA_TOLERANCE = 1e-12;

  static Stream<Arguments> registeredSystems() {
    // Systems with required parameters (learned-hamiltonian needs a run folder) have no default.
    List<RegisteredFactory> systems = BundledPlugins.systems().stream()
        .filter(f -> Binder.createWithDefaults(f, HamiltonianSystem.class).isPresent()).toList();
    // The registry must hold at least the three bundled systems, or this test checks nothing.
    assertThat(systems).extracting(RegisteredFactory::type)
        .contains("harmonic-oscillator", "mass-spring", "pendulum");
    return systems.stream().map(f -> Arguments.of(Named.of(f.type(), f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredSystems")
  void closedFormGradientMatchesAutodiff(RegisteredFactory factory) {
    HamiltonianSystem system = BundledPlugins.systemWithDefaults(factory);
    int n = system.degreesOfFreedom();
    double[][] states = states(system, 64);
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Optional<Operand<TFloat64>> closed = system.gradient(g, x);
      // Systems without a closed-form gradient have nothing to compare: skipped, not failed.
      assumeThat(closed).as("%s declares a closed-form gradient", factory.type()).isPresent();
      Operand<TFloat64> auto = g.gradient(system.hamiltonian(g, x), x);
      long[] shape = {states.length, 2L * n};
      List<double[]> out =
          TfEval.run(g, x, states, new long[][] {shape, shape}, closed.get(), auto);
      double diff = maxAbsDiff(out.get(0), out.get(1));
      System.out.printf("[gradient] %s: max |closed form - autodiff| = %.3e over %d states%n",
          factory.type(), diff, states.length);
      assertThat(Arrays.stream(out.get(0)).boxed().toList())
          .as("closed-form gradient of %s", factory.type())
          .allSatisfy(v -> assertThat(v).isFinite());
      assertThat(diff).as("max |closed form − autodiff| for %s", factory.type())
          .isLessThanOrEqualTo(AUTODIFF_TOLERANCE);
    }
  }

  /** A bundled system with parameters away from 1 and 0, and its documented H and ∇H in Java. */
  record Reference(
      String name,
      HamiltonianSystem system,
      Function<double[], Double> energy,
      Function<double[], double[]> gradient) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Reference> bundledSystems() {
    double m = 1.5;
    double k = 2.0;
    double q0 = 0.3;
    Reference oscillator = new Reference(
        "harmonic-oscillator(m=1.5, k=2, q0=0.3)",
        new HarmonicOscillator(new HarmonicOscillator.Parameters(m, k, q0, 0.2, 1.0)),
        x -> x[1] * x[1] / (2 * m) + k * (x[0] - q0) * (x[0] - q0) / 2,
        x -> new double[] {k * (x[0] - q0), x[1] / m});
    double pm = 0.7;
    double gravity = 9.81;
    double l = 1.3;
    Reference pendulum = new Reference(
        "pendulum(m=0.7, g=9.81, l=1.3)",
        new Pendulum(new Pendulum.Parameters(pm, gravity, l, 1.3, 2.3)),
        x -> pm * gravity * l * (1 - Math.cos(x[0])) + x[1] * x[1] / (2 * pm * l * l),
        x -> new double[] {pm * gravity * l * Math.sin(x[0]), x[1] / (pm * l * l)});
    Reference massSpring = new Reference(
        "mass-spring",
        new MassSpring(new MassSpring.Parameters(0.1, 1.0)),
        x -> x[0] * x[0] + x[1] * x[1],
        x -> new double[] {2 * x[0], 2 * x[1]});
    return Stream.of(oscillator, pendulum, massSpring);
  }

  /**
   * Autodiff only shows that H and ∇H are consistent through TF's gradient machinery. Here the
   * closed-form gradient is checked against a central finite difference of H (H evaluated by the
   * system's TF ops, differenced in Java, no TF gradients involved), and both H and ∇H against
   * the documented formulas, so an H and a gradient that are wrong in the same way still fail.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledSystems")
  void closedFormGradientMatchesFiniteDifferenceAndFormula(Reference ref) {
    HamiltonianSystem system = ref.system();
    int dim = 2 * system.degreesOfFreedom();
    assertThat(dim).isEqualTo(2);
    double[][] states = states(system, 16);
    // Rows: each state, then for every coordinate j the state moved by +h and by −h along j.
    List<double[]> rows = new ArrayList<>();
    for (double[] s : states) {
      rows.add(s);
      for (int j = 0; j < dim; j++) {
        double[] plus = s.clone();
        double[] minus = s.clone();
        plus[j] += FD_STEP;
        minus[j] -= FD_STEP;
        rows.add(plus);
        rows.add(minus);
      }
    }
    double[][] batch = rows.toArray(double[][]::new);
    int stride = 1 + 2 * dim;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = system.hamiltonian(g, x);
      Operand<TFloat64> grad = system.gradient(g, x)
          .orElseThrow(() -> new AssertionError(ref.name() + " has no closed-form gradient"));
      List<double[]> out = TfEval.run(g, x, batch,
          new long[][] {{batch.length}, {batch.length, dim}}, h, grad);
      double[] energy = out.get(0);
      double[] gradient = out.get(1);
      double fdDiff = 0;
      double formulaDiff = 0;
      for (int i = 0; i < states.length; i++) {
        int row = i * stride;
        double[] expectedGrad = ref.gradient().apply(states[i]);
        double expectedH = ref.energy().apply(states[i]);
        formulaDiff = Math.max(formulaDiff,
            Math.abs(energy[row] - expectedH) / Math.max(1, Math.abs(expectedH)));
        for (int j = 0; j < dim; j++) {
          double closed = gradient[row * dim + j];
          double fd = (energy[row + 1 + 2 * j] - energy[row + 2 + 2 * j]) / (2 * FD_STEP);
          fdDiff = Math.max(fdDiff, Math.abs(closed - fd));
          formulaDiff = Math.max(formulaDiff,
              Math.abs(closed - expectedGrad[j]) / Math.max(1, Math.abs(expectedGrad[j])));
        }
      }
      System.out.printf(
          "[gradient] %s: max |closed form - finite difference| = %.3e,"
              + " max rel. |TF - formula| = %.3e over %d states%n",
          ref.name(), fdDiff, formulaDiff, states.length);
      assertThat(fdDiff).as("max |closed form − central difference| for %s", ref.name())
          .isLessThanOrEqualTo(FD_TOLERANCE);
      assertThat(formulaDiff).as("max relative |TF − documented formula| for %s", ref.name())
          .isLessThanOrEqualTo(FORMULA_TOLERANCE);
    }
  }

  /**
   * {@code sampled} states from the system's own sampler (SplittableRandom seed 1), then
   * hand-picked ones: the origin, ±π (pendulum's unstable equilibrium), large values, and tiny
   * ones, each repeated over the n coordinates and momenta.
   */
  private static double[][] states(HamiltonianSystem system, int sampled) {
    int n = system.degreesOfFreedom();
    SplittableRandom random = new SplittableRandom(1);
    List<double[]> states = new ArrayList<>();
    for (int i = 0; i < sampled; i++) {
      double[] s = system.sampleInitialState(random);
      assertThat(s).as("sampled state %d of %s", i, system.getClass().getSimpleName())
          .hasSize(2 * n);
      states.add(s);
    }
    double[][] qp = {{0, 0}, {Math.PI, 0}, {-Math.PI, 0.5}, {-2.5, 3.0}, {10, -10}, {1e-7, -1e-7}};
    for (double[] pair : qp) {
      double[] s = new double[2 * n];
      for (int j = 0; j < n; j++) {
        s[j] = pair[0];
        s[n + j] = pair[1];
      }
      states.add(s);
    }
    return states.toArray(double[][]::new);
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      // NaN in either side fails the comparison: Math.max(max, NaN) is NaN.
      max = Math.max(max, Double.isNaN(d) ? Double.NaN : d);
    }
    return max;
  }
}

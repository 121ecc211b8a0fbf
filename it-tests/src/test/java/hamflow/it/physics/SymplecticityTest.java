package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/**
 * The step map of every symplectic integrator is symplectic, {@code JᵀΩJ = Ω}, with the Jacobian
 * J of one step taken by TF autodiff in float64 — for every registered separable system, so
 * plugins added later are covered. Non-symplectic integrators must visibly fail the same check.
 */
class SymplecticityTest {
  /**
   * 1e-10: JᵀΩJ of an exactly symplectic map differs from Ω by float64 round-off in the O(10)
   * products of the step's Jacobian entries (~1e-15 each); 1e-10 leaves five orders of room
   * and is still far below what a non-symplectic step gives at this step size (RK4 on ω = 1 at
   * dt = 0.3: det J − 1 = −dt⁶/72 ≈ −1e-5; explicit Euler: dt² ≈ 0.09).
   */
  private static final double TOLERANCE = 1e-10;
  private static final double DT = 0.3;

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (RegisteredFactory s : BundledPlugins.systems()) {
      HamiltonianSystem system = BundledPlugins.systemWithDefaults(s);
      if (!system.separable()) {
        continue; // explicit splitting methods only claim symplecticity for separable H
      }
      for (RegisteredFactory i : BundledPlugins.registry().all(Kind.INTEGRATOR)) {
        pairs.add(Arguments.of(s.type(), i.type()));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("pairs")
  void stepMapPreservesTheSymplecticForm(String systemType, String integratorType) {
    HamiltonianSystem system = BundledPlugins.systemWithDefaults(systemType);
    Integrator integrator = BundledPlugins.integrator(integratorType);
    SplittableRandom random = new SplittableRandom(7);
    double[][] states = new double[4][];
    for (int i = 0; i < states.length; i++) {
      states[i] = system.sampleInitialState(random);
    }
    double worst = 0;
    for (double[] state : states) {
      worst = Math.max(worst, defect(jacobian(system, integrator, state)));
    }
    System.out.printf(Locale.ROOT, "[symplectic] %-28s on %-20s max |JᵀΩJ − Ω| = %.2e%n",
        integratorType, systemType, worst);
    if (integrator.symplectic()) {
      assertThat(worst).as("%s on %s", integratorType, systemType).isLessThan(TOLERANCE);
    } else {
      // A method that claims not to be symplectic really is not: the check can tell them apart.
      assertThat(worst).as("%s on %s", integratorType, systemType).isGreaterThan(1e3 * TOLERANCE);
    }
  }

  /** J[i][j] = ∂x'_i/∂x_j of one step from {@code state}. */
  private static double[][] jacobian(HamiltonianSystem system, Integrator integrator, double[] state) {
    int dim = state.length;
    double[][] jac = new double[dim][];
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> next = integrator.step(g, new SystemField<>(g, system), x, g.constant(DT));
      List<Operand<TFloat64>> rows = new ArrayList<>();
      for (int i = 0; i < dim; i++) {
        Operand<TFloat64> component = g.tf().slice(next, g.tf().constant(new int[] {0, i}),
            g.tf().constant(new int[] {-1, 1}));
        rows.add(g.gradient(component, x));
      }
      try (Tensor in = Tensors.matrix(g.dtype(), new double[][] {state})) {
        var runner = g.session().runner().feed(x, in);
        rows.forEach(runner::fetch);
        try (Result out = runner.run()) {
          for (int i = 0; i < dim; i++) {
            jac[i] = Tensors.flat(out.get(i));
          }
        }
      }
    }
    return jac;
  }

  /** max |JᵀΩJ − Ω| with Ω = [[0, I], [−I, 0]]. */
  private static double defect(double[][] j) {
    int dim = j.length;
    int n = dim / 2;
    double worst = 0;
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < dim; b++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          // (JᵀΩJ)_ab = Σ_k J_{k,a} J_{n+k,b} − J_{n+k,a} J_{k,b}
          sum += j[k][a] * j[n + k][b] - j[n + k][a] * j[k][b];
        }
        double omega = b == a + n ? 1 : (a == b + n ? -1 : 0);
        worst = Math.max(worst, Math.abs(sum - omega));
      }
    }
    return worst;
  }
}

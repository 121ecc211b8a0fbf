package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.plugins.integrators.FixedPointParameters;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.simulate.SimulationFailedException;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.ReferenceSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.types.TFloat64;

/**
 * The implicit integrators' fixed-point solve: a step that does not converge is reported to the
 * user, not ignored; the float32 floor of the tolerance keeps float32 runs working; and the
 * generalized leapfrog is exactly leapfrog when H is separable. (Orders and {@code JᵀΩJ = Ω}
 * are in {@link IntegratorConvergenceTest} and {@link SymplecticityTest}.)
 */
class ImplicitIntegratorsTest {
  @TempDir Path dir;

  private Path descriptor(String integrator, String dtype, double dt, int steps)
      throws IOException {
    Path file = dir.resolve("implicit.yaml");
    Files.writeString(file, """
        name: implicit
        job: simulate
        dtype: %s
        seed: 5
        system: {type: harmonic-oscillator}
        integrator: %s
        simulation: {dt: %s, steps: %d, trajectories: 2, keep-every: 10}
        """.formatted(dtype, integrator, dt, steps));
    return file;
  }

  /**
   * At dt = 1.5 on ω = 1 the iteration contracts by ρ = dt/2 = 0.75 per update, so after two
   * updates from the Euler predictor the last change is still ~0.1 of |x|, far above 1e-12:
   * the run must fail, with a message that names the method, its tolerance and iteration cap,
   * says when, and advises a fix — and no run folder is left behind.
   */
  @Test
  void nonConvergenceIsReportedWithAClearMessage() throws IOException {
    Path file = descriptor("{type: implicit-midpoint, max-iterations: 2}", "float64", 1.5, 20);
    Experiment experiment = Experiment.load(file, BundledPlugins.registry(), false);
    Path out = dir.resolve("run");
    assertThatThrownBy(() -> experiment.run(out, dir))
        .isInstanceOf(SimulationFailedException.class)
        .hasMessageContaining("implicit-midpoint")
        .hasMessageContaining("did not converge")
        .hasMessageContaining("max-iterations = 2")
        .hasMessageContaining("tolerance 1.00e-12")
        .hasMessageContaining("smaller dt")
        .hasMessageContaining("between steps 0 and 10")
        .hasMessageNotContaining("[[{{node") // TF's node reference is not for users
        .satisfies(e -> System.out.println("[implicit] reported: " + e.getMessage()));
    assertThat(out).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("implicit.yaml");
    }
  }

  /** The generalized leapfrog's two implicit stages fail the same way, naming their unknown. */
  @Test
  void generalizedLeapfrogReportsNonConvergenceToo() {
    // The testkit's non-separable system makes both stages truly implicit.
    Integrator integrator = BundledPlugins.integrator(
        "generalized-leapfrog", new FixedPointParameters(2, 1e-12));
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Simulator<TFloat64> simulator =
          new Simulator<>(g, ReferenceSystems.nonSeparable(), integrator);
      assertThatThrownBy(() -> simulator.run(
              new double[][] {{1.0, -0.8, 0.9, 1.1}}, 1.2, 10, 5, n -> {}))
          .isInstanceOf(SimulationFailedException.class)
          .hasMessageContaining("generalized-leapfrog")
          .hasMessageContaining("max-iterations = 2");
    }
  }

  /** With enough iterations the same step size converges: the check is not a false alarm. */
  @Test
  void theSameStepConvergesWithEnoughIterations() throws IOException {
    // ρ = 0.75: 0.75^k ≤ 1e-13 needs k ≈ 104 updates.
    Path file = descriptor("{type: implicit-midpoint, max-iterations: 150}", "float64", 1.5, 20);
    Trajectories t = Experiment.load(file, BundledPlugins.registry(), false).job().simulate();
    // The midpoint rule conserves every quadratic invariant exactly: H of the oscillator.
    for (double[] e : t.energy()) {
      for (double v : e) {
        assertThat(Math.abs(v - e[0])).isLessThan(1e-12 * e[0]);
      }
    }
  }

  /**
   * float32 cannot meet 1e-12: converged float32 iterates still differ by a unit in the last
   * place (~1e-7 relative). The tolerance is floored at 16 float32 epsilons (1.9e-6), so a
   * float32 run at the defaults completes.
   */
  @Test
  void float32RunsAtTheDefaultTolerance() throws IOException {
    Path file = descriptor("{type: implicit-midpoint}", "float32", 0.05, 200);
    Trajectories t = Experiment.load(file, BundledPlugins.registry(), false).job().simulate();
    double drift = Trajectories.maxRelativeDrift(t.energy());
    System.out.printf(Locale.ROOT, "[implicit] float32 relative energy drift %.2e%n", drift);
    // Quadratic H is conserved exactly up to float32 round-off per step (~1e-7 × 200 steps).
    assertThat(drift).isLessThan(1e-4);
  }

  /**
   * For a separable H both implicit stages of the generalized leapfrog are explicit — one
   * fixed-point update already solves them, so the convergence check passes with
   * max-iterations = 1 — and the step is kick–drift–kick leapfrog. The two graphs compute the
   * same products in the same order, so they agree to round-off (measured: bit for bit) after
   * 1000 steps on the pendulum.
   */
  @Test
  void generalizedLeapfrogIsLeapfrogForSeparableH() {
    HamiltonianSystem pendulum = BundledPlugins.systemWithDefaults("pendulum");
    double[][] initial = {{1.0, 0.5}, {2.5, -0.3}, {0.0, 1.9}};
    Integrator oneUpdate =
        BundledPlugins.integrator("generalized-leapfrog", new FixedPointParameters(1, 1e-12));
    double[][][] a = simulate(pendulum, oneUpdate, initial);
    double[][][] b = simulate(pendulum, BundledPlugins.integrator("leapfrog"), initial);
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < a[i].length; k++) {
        for (int j = 0; j < a[i][k].length; j++) {
          worst = Math.max(worst, Math.abs(a[i][k][j] - b[i][k][j]));
        }
      }
    }
    System.out.printf(Locale.ROOT, "[implicit] |generalized-leapfrog − leapfrog| = %.2e%n", worst);
    assertThat(worst).isLessThan(1e-12);
  }

  private static double[][][] simulate(
      HamiltonianSystem system, Integrator integrator, double[][] initial) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new Simulator<>(g, system, integrator).run(initial, 0.05, 1000, 50, n -> {}).states();
    }
  }
}

package hamflow.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's bounded-energy criterion tells a drift from a bounded error, and can fail. */
class BoundedEnergyTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  @TempDir Path dir;

  @Test
  void aLinearDriftGrowsAndABoundedOscillationDoesNot() {
    double[] drift = new double[2001];
    double[] bounded = new double[2001];
    for (int k = 0; k < drift.length; k++) {
      drift[k] = 1 + 1e-6 * k;
      bounded[k] = 1 + 1e-4 * Math.sin(0.3 * k);
    }
    assertThat(BoundedEnergy.growth(drift)).isCloseTo(2.0, offset(1e-3));
    assertThat(BoundedEnergy.levelGrowth(drift)).isCloseTo(7.0 / 3, offset(1e-2));
    assertThat(BoundedEnergy.drifts(drift)).isTrue();
    assertThat(BoundedEnergy.growth(bounded)).isCloseTo(1.0, offset(1e-3));
    assertThat(BoundedEnergy.levelGrowth(bounded)).isCloseTo(1.0, offset(0.1));
    assertThat(BoundedEnergy.drifts(bounded)).isFalse();
  }

  @Test
  void rk4DriftsOnTheOscillatorAndFailsTheCriterion() throws IOException {
    // RK4 is not symplectic: on the oscillator it loses a fraction dt⁶/72 of the energy every
    // step, a linear drift; dt = 0.1 makes it 3e-5 over t = 200, far above round-off.
    for (double[] energy : simulate("rk4", 0.1, 2000)) {
      assertThat(BoundedEnergy.growth(energy)).isGreaterThan(1.9);
      assertThat(BoundedEnergy.drifts(energy)).isTrue();
    }
  }

  @Test
  void leapfrogAtTheSameStepPassesIt() throws IOException {
    for (double[] energy : simulate("leapfrog", 0.1, 2000)) {
      assertThat(BoundedEnergy.growth(energy)).isLessThanOrEqualTo(BoundedEnergy.SATURATION);
      assertThat(BoundedEnergy.drifts(energy)).isFalse();
    }
  }

  @Test
  void theAsymptoticRegimeIsRecognisedFromAStepDoubling() throws IOException {
    // Leapfrog (order 2) on the oscillator: doubling dt multiplies the error by 4.
    double[][] fine = simulate("leapfrog", 0.05, 4000);
    double[][] coarse = simulate("leapfrog", 0.1, 2000);
    for (int i = 0; i < fine.length; i++) {
      assertThat(BoundedEnergy.asymptotic(fine[i], coarse[i], 2)).isTrue();
      // Claiming order 4 for it must fail the same test: 4 < 2^3.
      assertThat(BoundedEnergy.asymptotic(fine[i], coarse[i], 4)).isFalse();
    }
  }

  private double[][] simulate(String integrator, double dt, int steps) throws IOException {
    Path file = dir.resolve(integrator + "-" + dt + ".yaml");
    Files.writeString(file, """
        name: bounded-energy
        job: simulate
        seed: 5
        system: {type: harmonic-oscillator}
        integrator: {type: %s}
        simulation: {dt: %s, steps: %d, trajectories: 3, keep-every: 10}
        """.formatted(integrator, dt, steps));
    return Experiment.load(file, REGISTRY, false).job().simulate().energy();
  }
}

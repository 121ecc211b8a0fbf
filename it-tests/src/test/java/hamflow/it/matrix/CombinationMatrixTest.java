package hamflow.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.experiment.Experiment;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.simulate.SimulationFailedException;
import hamflow.runtime.simulate.Trajectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered system against every registered integrator, discovered through the plugin
 * registry (so a plugin added later, or a third-party jar on the test class path, is covered
 * without editing this suite), each pair run through a descriptor as a user would: valid pairs
 * complete with finite states, invalid ones get the documented descriptor error, and every
 * symplectic, deterministic integrator keeps the energy error of every system bounded over
 * t = 200 ({@link BoundedEnergy}).
 */
class CombinationMatrixTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private static final double LONG_DT = 0.02;
  private static final int LONG_STEPS = 10_000;

  @TempDir Path dir;

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (RegisteredFactory s : REGISTRY.all(Kind.SYSTEM)) {
      if (Binder.createWithDefaults(s, HamiltonianSystem.class).isEmpty()) {
        continue; // required parameters (learned-hamiltonian needs a run folder): no default pair
      }
      for (RegisteredFactory i : REGISTRY.all(Kind.INTEGRATOR)) {
        pairs.add(Arguments.of(s.type(), i.type()));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("pairs")
  void everyPairRunsOrIsRefusedAsDocumented(String systemType, String integratorType)
      throws IOException {
    HamiltonianSystem system = create(Kind.SYSTEM, systemType, HamiltonianSystem.class);
    Integrator integrator = create(Kind.INTEGRATOR, integratorType, Integrator.class);
    // Symplectic deterministic pairs run to t = 200 at dt = 0.02 for the bounded-energy test
    // (see BoundedEnergy for why that long); the others 1000 steps of dt = 0.01, t = 10, over a
    // period of every bundled system at its defaults.
    boolean energyTest = integrator.symplectic() && !integrator.stochastic();
    Path file = energyTest ? descriptor(systemType, integratorType, LONG_DT, LONG_STEPS)
        : descriptor(systemType, integratorType, 0.01, 1000);

    if (integrator.requiresSeparable() && !system.separable()) {
      assertThatThrownBy(() -> Experiment.load(file, REGISTRY, false))
          .isInstanceOf(InvalidDescriptorException.class)
          .hasMessageContaining("integrator.type")
          .hasMessageContaining("not separable");
      return;
    }
    Trajectories t;
    try {
      t = Experiment.load(file, REGISTRY, false).job().simulate();
    } catch (SimulationFailedException e) {
      // Implicit methods report a step whose fixed-point iteration does not converge (a close
      // encounter of the three-body sampler's orbits) instead of going on with a wrong state:
      // the documented refusal, and the only failure accepted. Nothing was checked, so the
      // pair is reported as skipped with the message, not as passed.
      assertThat(e.getMessage()).as("%s with %s", systemType, integratorType)
          .contains("did not converge");
      Assumptions.abort(systemType + " with " + integratorType + ": " + e.getMessage());
      return;
    }
    if (integrator.stochastic()) {
      // A thermostat (at its default kT = 1) may heat a system over an escape barrier, e.g.
      // Hénon–Heiles above E = 1/6, which then diverges: physics, not a fault. It must run.
      return;
    }
    for (double[][] trajectory : t.states()) {
      for (double[] state : trajectory) {
        for (double v : state) {
          assertThat(v).as("state of %s with %s", systemType, integratorType).isFinite();
        }
      }
    }
    if (energyTest) {
      assertEnergyBounded(systemType, integratorType, integrator.order(), t);
    }
  }

  /**
   * The energy error of no trajectory drifts (BoundedEnergy.drifts); where one does, a run at
   * 2 dt decides between a drift (a failure) and a step outside the asymptotic
   * regime of the orbit (reported as an aborted, not a passed, check).
   */
  private void assertEnergyBounded(
      String systemType, String integratorType, int order, Trajectories fine) throws IOException {
    Trajectories coarse = null;
    for (int i = 0; i < fine.count(); i++) {
      double[] energy = fine.energy()[i];
      if (!BoundedEnergy.drifts(energy)) {
        continue;
      }
      if (coarse == null) {
        coarse = Experiment.load(
            descriptor(systemType, integratorType, 2 * LONG_DT, LONG_STEPS / 2), REGISTRY, false)
            .job().simulate();
      }
      assumeThat(BoundedEnergy.asymptotic(energy, coarse.energy()[i], order))
          .as("%s with %s, trajectory %d: dt = %s is outside the asymptotic regime of this orbit"
              + " (an energy error above 10%% of 1 + |E0|, or one that does not scale as 2^r"
              + " between dt and 2 dt), where backward error analysis and so bounded energy do"
              + " not apply", systemType, integratorType, i, LONG_DT)
          .isTrue();
      throw new AssertionError(String.format(Locale.ROOT, "%s with %s, trajectory %d: the energy"
          + " error of a symplectic integrator drifts: max |E - E0| over [0, T] is %.3g times"
          + " that over [0, T/2], and its median over [3T/4, T] %.3g times that over [T/4, T/2]"
          + " (T = %s)", systemType, integratorType, i, BoundedEnergy.growth(energy),
          BoundedEnergy.levelGrowth(energy), LONG_DT * LONG_STEPS));
    }
  }

  private Path descriptor(String systemType, String integratorType, double dt, int steps)
      throws IOException {
    Path file = dir.resolve("pair-" + dt + ".yaml");
    Files.writeString(file, """
        name: matrix
        job: simulate
        seed: 3
        system: {type: %s}
        integrator: {type: %s}
        simulation: {dt: %s, steps: %d, trajectories: 3, keep-every: 10}
        """.formatted(systemType, integratorType, dt, steps));
    return file;
  }

  private static <T> T create(Kind kind, String type, Class<T> expected) {
    RegisteredFactory factory = REGISTRY.find(kind, type).orElseThrow();
    return Binder.createWithDefaults(factory, expected)
        .orElseThrow(() -> new AssertionError(type + " has required parameters"));
  }
}

package hamflow.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered system against every registered integrator, discovered through the plugin
 * registry (so a plugin added later, or a third-party jar on the test class path, is covered
 * without editing this suite), each pair run through a descriptor as a user would: valid pairs
 * complete with finite states, invalid ones get the documented descriptor error.
 */
class CombinationMatrixTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

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
    Path file = dir.resolve("pair.yaml");
    // dt = 0.01 and 1000 steps: t = 10, over a period of every bundled system at its defaults.
    Files.writeString(file, """
        name: matrix
        job: simulate
        seed: 3
        system: {type: %s}
        integrator: {type: %s}
        simulation: {dt: 0.01, steps: 1000, trajectories: 3, keep-every: 10}
        """.formatted(systemType, integratorType));

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
      // encounter of the three-body sampler's orbits at dt = 0.01) instead of going on with a
      // wrong state: the documented refusal, and the only failure accepted here.
      assertThat(e.getMessage()).as("%s with %s", systemType, integratorType)
          .contains("did not converge");
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
    // Whether the energy error stays bounded is checked per system in the physics tests; a
    // generic window test is not reliable for multi-frequency systems, whose error envelope
    // beats over times far longer than a matrix run.
  }

  private static <T> T create(Kind kind, String type, Class<T> expected) {
    RegisteredFactory factory = REGISTRY.find(kind, type).orElseThrow();
    return Binder.createWithDefaults(factory, expected)
        .orElseThrow(() -> new AssertionError(type + " has required parameters"));
  }
}

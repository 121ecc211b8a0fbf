package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.testkit.SystemContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SystemContract} for every registered system with default parameters, discovered
 * through the plugin registry (a system added later, or a third-party jar on the class path, is
 * covered without editing this suite): one test per system and check, so a report names both.
 */
class RegisteredSystemsContractTest {

  static Stream<Arguments> systems() {
    // Systems with required parameters (learned-hamiltonian needs a run folder) have no default.
    List<RegisteredFactory> systems = BundledPlugins.systems().stream()
        .filter(f -> Binder.createWithDefaults(f, HamiltonianSystem.class).isPresent()).toList();
    assertThat(systems).extracting(RegisteredFactory::type)
        .contains("harmonic-oscillator", "pendulum", "kepler", "double-pendulum");
    return systems.stream().map(f -> Arguments.of(Named.of(f.type(), f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void samplerGivesFiniteStatesOfWidth2n(RegisteredFactory factory) {
    log(factory, SystemContract.checkSampler(system(factory)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void hamiltonianIsFiniteWithOneValuePerState(RegisteredFactory factory) {
    HamiltonianSystem system = system(factory);
    log(factory, SystemContract.checkHamiltonian(system, states(system)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void closedFormGradientMatchesAutodiff(RegisteredFactory factory) {
    HamiltonianSystem system = system(factory);
    log(factory, SystemContract.checkClosedFormGradient(system, states(system)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void separableHamiltonianSplitsIntoTAndV(RegisteredFactory factory) {
    HamiltonianSystem system = system(factory);
    log(factory, SystemContract.checkSeparable(system, states(system)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void energyAndConservedQuantitiesAreConserved(RegisteredFactory factory) {
    HamiltonianSystem system = system(factory);
    log(factory, SystemContract.checkConservation(system, states(system),
        SystemContract.ROLLOUT_DT, SystemContract.ROLLOUT_STEPS));
  }

  private static HamiltonianSystem system(RegisteredFactory factory) {
    return BundledPlugins.systemWithDefaults(factory);
  }

  /** The base class's default: 32 states from the system's sampler, seed 1. */
  private static double[][] states(HamiltonianSystem system) {
    return SystemContract.sampledStates(system, 32, 1);
  }

  private static void log(RegisteredFactory factory, String summary) {
    System.out.printf("[system-contract] %-22s %s%n", factory.type(), summary);
  }
}

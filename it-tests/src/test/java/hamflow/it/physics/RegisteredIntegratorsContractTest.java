package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.testkit.IntegratorContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IntegratorContract} for every registered integrator with default parameters,
 * discovered through the plugin registry: one test per integrator and check. Checks that do not
 * apply (symplectic checks of a non-symplectic method, deterministic checks of Langevin BAOAB,
 * the non-separable H for splitting methods) are reported as skipped with the reason.
 */
class RegisteredIntegratorsContractTest {

  static Stream<String> integrators() {
    List<String> types =
        BundledPlugins.registry().all(Kind.INTEGRATOR).stream().map(RegisteredFactory::type).toList();
    assertThat(types).contains("explicit-euler", "leapfrog", "rk4", "yoshida6",
        "implicit-midpoint", "generalized-leapfrog", "langevin-baoab");
    return types.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void stepGivesFiniteStatesOfTheSameShape(String type) {
    log(type, IntegratorContract.checkFiniteStep(integrator(type)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void convergesAtItsDeclaredOrder(String type) {
    log(type, IntegratorContract.checkOrder(integrator(type)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void convergesAtItsDeclaredOrderOnANonSeparableH(String type) {
    log(type, IntegratorContract.checkOrderOnNonSeparableH(integrator(type)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void symplecticStepPreservesTheSymplecticForm(String type) {
    log(type, IntegratorContract.checkSymplectic(integrator(type)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void symplecticIntegratorKeepsTheEnergyErrorBounded(String type) {
    log(type, IntegratorContract.checkEnergyErrorBounded(integrator(type)));
  }

  private static Integrator integrator(String type) {
    return BundledPlugins.integrator(type);
  }

  private static void log(String type, String summary) {
    System.out.printf("[integrator-contract] %-28s %s%n", type, summary);
  }
}

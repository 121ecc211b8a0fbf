package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.nn.Activation;
import hamflow.runtime.flow.ContinuousFlowFactory;
import hamflow.testkit.LayerContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code continuous-flow} with each integrator it accepts meets the layer contract (the registry
 * run covers only the default, leapfrog), and the integrators whose backward integration is not
 * an exact inverse are refused with the list of acceptable ones.
 */
class ContinuousFlowTest {

  @ParameterizedTest
  @ValueSource(strings = {"yoshida4", "yoshida6", "forest-ruth"})
  void everyAcceptedIntegratorGivesAnExactlyInvertibleSymplecticLayer(String integrator) {
    BijectiveLayer layer = FlowPlugins.layer("continuous-flow",
        "integrator: " + integrator + ", steps: 2, time: 0.7");
    LayerContract.Measurement m = LayerContract.measure(layer, 2, 13, 0.5);
    System.out.printf("[continuous-flow] %-12s n=2 %s%n", integrator, m.summary());
    LayerContract.assertContract("continuous-flow with " + integrator, layer, m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rk4", "symplectic-euler", "implicit-midpoint", "langevin-baoab", "nope"})
  void otherIntegratorsAreRefusedNamingTheAcceptableOnes(String integrator) {
    assertThatThrownBy(() -> new ContinuousFlowFactory.Parameters(
        1.0, 4, integrator, 32, 2, Activation.TANH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + integrator + "'")
        .hasMessageContaining("leapfrog, yoshida4, yoshida6, forest-ruth");
    assertThat(FlowPlugins.registry().find("continuous-flow")).isPresent();
  }
}

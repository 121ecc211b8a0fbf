package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.testkit.LayerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LayerContract} for every registered layer type and each value of its enum parameters
 * (masks, potentials, activations), discovered through the plugin registry, at two phase-space
 * sizes: n = 1 (the smallest, where masks degenerate) and n = 3.
 */
class RegisteredLayersTest {

  static Stream<Arguments> variants() {
    List<Arguments> cases = new ArrayList<>();
    for (RegisteredFactory factory : FlowPlugins.layers()) {
      for (String fields : FlowPlugins.variants(factory)) {
        for (int n : new int[] {1, 3}) {
          cases.add(Arguments.of(factory.type(), fields, n));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} [{1}] n={2}")
  @MethodSource("variants")
  void meetsTheLayerContract(String type, String fields, int n) {
    BijectiveLayer layer = FlowPlugins.layer(type, fields);
    LayerContract.Measurement m = LayerContract.measure(layer, n, 11, 0.5);
    System.out.printf("[layer] %-20s %-26s n=%d %s %s%n", type, "{" + fields + "}", n,
        layer.symplectic() ? "symplectic    " : "not symplectic", m.summary());
    LayerContract.assertContract(type + " {" + fields + "} n=" + n, layer, m);
  }

  /** The bundled layers are all there, and the contract is not vacuous. */
  @Test
  void bundledLayersAreRegistered() {
    assertThat(FlowPlugins.layers()).extracting(RegisteredFactory::type).contains(
        "exchange", "symplectic-shear-p", "symplectic-shear-q", "linear-symplectic",
        "additive-coupling", "affine-coupling", "diagonal-scaling", "point-transformation",
        "zero-center", "linear-symplectic-nak", "continuous-flow", "oscillator");
  }

  /**
   * The checks tell layers apart: couplings that do not claim symplecticity visibly are not
   * (JᵀΩJ − Ω of order one), and the affine coupling's log-det is visibly non-zero, so the
   * log-det comparison tests something.
   */
  @Test
  void nonSymplecticLayersFailTheSymplecticCheck() {
    for (String type : List.of("additive-coupling", "affine-coupling")) {
      BijectiveLayer layer = FlowPlugins.layer(type, "");
      assertThat(layer.symplectic()).as(type).isFalse();
      LayerContract.Measurement m = LayerContract.measure(layer, 3, 11, 0.5);
      assertThat(m.omegaDefect()).as("%s: |JᵀΩJ - Ω|", type).isGreaterThan(1e-2);
    }
    LayerContract.Measurement affine =
        LayerContract.measure(FlowPlugins.layer("affine-coupling", ""), 3, 11, 0.5);
    assertThat(affine.maxAbsLogDet()).as("affine coupling log-det").isGreaterThan(0.1);
  }
}

package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.it.flow.TestLayers.Broken;
import hamflow.it.flow.TestLayers.Defect;
import hamflow.testkit.LayerContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract can fail: each kind of broken layer is rejected, by the check that should. */
class ContractRejectsBrokenLayersTest {

  @ParameterizedTest
  @EnumSource(Defect.class)
  void brokenLayerFailsTheContract(Defect defect) {
    Broken layer = new Broken(defect);
    LayerContract.Measurement m = LayerContract.measure(layer, 2, 3, 0.5);
    String expected = switch (defect) {
      case FALSE_SYMPLECTIC -> "JᵀΩJ = Ω";
      case WRONG_LOG_DET -> "log-det against autodiff";
      case WRONG_INVERSE -> "inverse round trip";
    };
    assertThatThrownBy(() -> LayerContract.assertContract("broken", layer, m))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(expected);
    // The defects are small or specific; the other checks must still pass on them.
    if (defect != Defect.WRONG_INVERSE) {
      assertThat(m.inverseError()).isLessThan(LayerContract.INVERSE);
    }
    if (defect != Defect.WRONG_LOG_DET) {
      assertThat(m.logDetError()).isLessThan(LayerContract.LOG_DET);
    }
  }
}

package hamflow.it.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.testkit.LayerContract;

/** How a layer's author runs the contract: extend {@link LayerContract}, return the layer. */
class ThirdPartyLayerContractTest extends LayerContract {
  @Override
  protected BijectiveLayer layer() {
    return new TestLayers.Translation();
  }
}

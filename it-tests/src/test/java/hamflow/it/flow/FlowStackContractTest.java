package hamflow.it.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.flow.FlowStack;
import hamflow.testkit.LayerContract;

/**
 * The contract on a stack mixing symplectic and non-symplectic layers at n = 4: the chain's
 * inverse runs in reverse order, and its log-det (a sum over layers, each at its own input)
 * equals log|det J| of the whole chain.
 */
class FlowStackContractTest extends LayerContract {
  @Override
  protected BijectiveLayer layer() {
    return FlowStack.of(
        FlowPlugins.layer("symplectic-shear-p", "potential: irrotational, width: 8"),
        FlowPlugins.layer("affine-coupling", "mask: p, width: 8, depth: 1"),
        FlowPlugins.layer("linear-symplectic", ""),
        FlowPlugins.layer("affine-coupling", "mask: alternate, width: 8, depth: 1"),
        FlowPlugins.layer("exchange", ""),
        FlowPlugins.layer("diagonal-scaling", ""));
  }

  @Override
  protected int degreesOfFreedom() {
    return 4;
  }
}

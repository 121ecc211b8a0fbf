package hamflow.it.physics;

import hamflow.api.integrate.Integrator;
import hamflow.testkit.IntegratorContract;

/**
 * How an integrator's author runs the contract: extend {@link IntegratorContract}, return the
 * integrator. Implicit midpoint is symplectic and accepts any H, so no check is skipped.
 */
class BundledIntegratorContractTest extends IntegratorContract {
  @Override
  protected Integrator integrator() {
    return BundledPlugins.integrator("implicit-midpoint");
  }
}

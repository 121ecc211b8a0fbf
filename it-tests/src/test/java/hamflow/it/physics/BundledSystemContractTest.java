package hamflow.it.physics;

import hamflow.api.system.HamiltonianSystem;
import hamflow.testkit.SystemContract;

/**
 * How a system's author runs the contract: extend {@link SystemContract}, return the system.
 * Kepler (2-D, defaults) declares a closed-form gradient, separability and three conserved
 * quantities (angular momentum, Laplace–Runge–Lenz vector), so no check is skipped.
 */
class BundledSystemContractTest extends SystemContract {
  @Override
  protected HamiltonianSystem system() {
    return BundledPlugins.systemWithDefaults("kepler");
  }
}

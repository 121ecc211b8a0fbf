package hamflow.runtime.flow;

import hamflow.api.Param;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.integrate.Integrator;
import hamflow.api.nn.Activation;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.util.List;

/**
 * The layer type {@code continuous-flow} (see {@link ContinuousFlow}). Contributed by the
 * runtime itself, like {@code learned-hamiltonian}: it integrates with an integrator plugin found
 * through the registry, and a plugin cannot look up another plugin.
 */
public final class ContinuousFlowFactory implements LayerFactory<ContinuousFlowFactory.Parameters> {

  /**
   * The integrators whose step is explicit, symplectic and time-symmetric ({@code Φ_{−h} =
   * Φ_h⁻¹}), which the exact closed-form inverse needs. The {@link Integrator} SPI does not
   * declare symmetry, so the list is by name; {@link #create} also checks the declared
   * properties of the registered integrator.
   */
  public static final List<String> SYMMETRIC_EXPLICIT =
      List.of("leapfrog", "yoshida4", "yoshida6", "forest-ruth");

  /** Parameters of {@code continuous-flow}. */
  public record Parameters(
      @Param(value = "integration time of the learned Hamiltonian flow", defaultValue = "1.0")
          double time,
      @Param(value = "integrator steps over that time", defaultValue = "4", min = 1, max = 1000)
          int steps,
      @Param(value = "integrator type: leapfrog, yoshida4, yoshida6 or forest-ruth (explicit, "
              + "symplectic, time-symmetric)", defaultValue = "leapfrog")
          String integrator,
      @Param(value = "units per hidden layer of T(p) and V(q)", defaultValue = "32", min = 1)
          int width,
      @Param(value = "hidden layers of T(p) and V(q)", defaultValue = "2", min = 1, max = 16)
          int depth,
      @Param(value = "hidden activation of T(p) and V(q)", defaultValue = "tanh")
          Activation activation) {
    public Parameters {
      if (time == 0 || !Double.isFinite(time)) {
        throw new IllegalArgumentException("time must be finite and non-zero, got " + time);
      }
      if (!SYMMETRIC_EXPLICIT.contains(integrator)) {
        throw new IllegalArgumentException("integrator '" + integrator + "' cannot drive a "
            + "continuous-flow layer: its inverse integrates backwards, which needs an explicit, "
            + "symplectic, time-symmetric method; use one of " + String.join(", ", SYMMETRIC_EXPLICIT));
      }
    }
  }

  private final PluginRegistry registry;

  public ContinuousFlowFactory(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String type() {
    return "continuous-flow";
  }

  @Override
  public String description() {
    return "time-t flow of a learned separable Hamiltonian T(p) + V(q) by a symmetric symplectic "
        + "integrator (symplectic)";
  }

  @Override
  public Class<Parameters> parameters() {
    return Parameters.class;
  }

  @Override
  public BijectiveLayer create(Parameters p) {
    RegisteredFactory factory = registry.find(Kind.INTEGRATOR, p.integrator())
        .orElseThrow(() -> new IllegalArgumentException("continuous-flow: integrator '"
            + p.integrator() + "' is not registered (is the integrators plugin installed?)"));
    Integrator integrator = Binder.createWithDefaults(factory, Integrator.class)
        .orElseThrow(() -> new IllegalArgumentException("continuous-flow: integrator '"
            + p.integrator() + "' has required parameters"));
    // A third-party jar may have claimed the name: check what it declares.
    if (!integrator.symplectic() || !integrator.requiresSeparable() || integrator.stochastic()) {
      throw new IllegalArgumentException("continuous-flow: integrator '" + p.integrator()
          + "' is not an explicit, deterministic symplectic splitting method; use one of "
          + String.join(", ", SYMMETRIC_EXPLICIT));
    }
    return new ContinuousFlow(p, integrator);
  }
}

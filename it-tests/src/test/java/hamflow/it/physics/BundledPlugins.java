package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.Factory;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.util.List;

/** The bundled plugins as the runtime discovers them (class path, META-INF/services). */
final class BundledPlugins {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private BundledPlugins() {}

  static PluginRegistry registry() {
    return REGISTRY;
  }

  /** The integrator registered as {@code type}, created with its (empty) default parameters. */
  static Integrator integrator(String type) {
    RegisteredFactory factory =
        REGISTRY.find(Kind.INTEGRATOR, type)
            .orElseThrow(() -> new AssertionError("no integrator '" + type + "' registered"));
    return Binder.createWithDefaults(factory, Integrator.class)
        .orElseThrow(() -> new AssertionError("integrator '" + type + "' has required parameters"));
  }

  /** The integrator registered as {@code type}, created from the given parameter record. */
  @SuppressWarnings("unchecked")
  static Integrator integrator(String type, Record parameters) {
    RegisteredFactory factory =
        REGISTRY.find(Kind.INTEGRATOR, type)
            .orElseThrow(() -> new AssertionError("no integrator '" + type + "' registered"));
    assertThat(parameters).isInstanceOf(factory.factory().parameters());
    return ((Factory<Record, Integrator>) factory.factory()).create(parameters);
  }

  /** The system registered as {@code type}, with every parameter at its default. */
  static HamiltonianSystem systemWithDefaults(RegisteredFactory factory) {
    assertThat(factory.kind()).isEqualTo(Kind.SYSTEM);
    return Binder.createWithDefaults(factory, HamiltonianSystem.class)
        .orElseThrow(
            () -> new AssertionError("system '" + factory.type() + "' has required parameters"));
  }

  static HamiltonianSystem systemWithDefaults(String type) {
    return systemWithDefaults(
        REGISTRY.find(Kind.SYSTEM, type)
            .orElseThrow(() -> new AssertionError("no system '" + type + "' registered")));
  }

  static List<RegisteredFactory> systems() {
    return REGISTRY.all(Kind.SYSTEM);
  }
}

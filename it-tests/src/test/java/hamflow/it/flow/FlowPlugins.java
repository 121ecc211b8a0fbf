package hamflow.it.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.ParameterSpec;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The registered layers as the runtime discovers them, and their parameter variants. */
final class FlowPlugins {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private FlowPlugins() {}

  static PluginRegistry registry() {
    return REGISTRY;
  }

  static List<RegisteredFactory> layers() {
    return REGISTRY.all(Kind.LAYER);
  }

  /**
   * Parameter variants worth checking for a layer type, as descriptor fields: the defaults
   * ({@code ""}) and, for every enum-typed parameter, each of its values with the rest at their
   * defaults ({@code "mask: p"}, {@code "potential: irrotational"}, …). Found from the parameter
   * record, so a layer added later is varied without editing the tests.
   */
  static List<String> variants(RegisteredFactory factory) {
    Set<String> out = new LinkedHashSet<>();
    out.add("");
    @SuppressWarnings("unchecked")
    Class<? extends Record> params = (Class<? extends Record>) factory.factory().parameters();
    for (ParameterSpec spec : ParameterSpec.of(params)) {
      if (spec.type().isEnum()) {
        for (Object constant : spec.type().getEnumConstants()) {
          String value = ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
          if (!spec.defaultValue().map(value::equals).orElse(false)) {
            out.add(spec.name() + ": " + value);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The layer {@code type} created from descriptor fields (the rest at their defaults). */
  static BijectiveLayer layer(String type, String fields) {
    RegisteredFactory factory = REGISTRY.find(Kind.LAYER, type)
        .orElseThrow(() -> new AssertionError("no layer '" + type + "' registered"));
    return Binder.create(factory, fields, BijectiveLayer.class)
        .orElseThrow(() -> new AssertionError("layer '" + type + "' does not bind from {" + fields + "}"));
  }
}

package hamflow.runtime.descriptor;

import hamflow.api.Factory;
import hamflow.runtime.plugin.RegisteredFactory;

/** A descriptor section resolved to a factory and its validated parameter record. */
public record BoundPlugin(RegisteredFactory factory, Record parameters) {

  public String type() {
    return factory.type();
  }

  /** Creates the plugin object; the parameters were bound to this factory's record type. */
  @SuppressWarnings("unchecked")
  public <T> T create(Class<T> expected) {
    Factory<Record, ?> f = (Factory<Record, ?>) factory.factory();
    return expected.cast(f.create(parameters));
  }
}

package hamflow.runtime.plugin;

import hamflow.api.Factory;

/**
 * A factory as the registry holds it: its kind and where it came from (a jar file name, or the
 * module name of a bundled plugin), so conflicts and listings can name the source.
 */
public record RegisteredFactory(Kind kind, Factory<?, ?> factory, String source) {
  public String type() {
    return factory.type();
  }
}

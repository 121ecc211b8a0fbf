package hamflow.runtime.plugin;

import hamflow.api.Factory;
import hamflow.api.Plugin;
import java.util.List;
import java.util.function.Function;

/** The kinds of factory a plugin can contribute, each read from one {@link Plugin} getter. */
public enum Kind {
  SYSTEM("system", Plugin::systems),
  INTEGRATOR("integrator", Plugin::integrators),
  MODEL("model", Plugin::models),
  LOSS("loss", Plugin::losses),
  LAYER("layer", Plugin::layers),
  OBJECTIVE("objective", Plugin::objectives);

  private final String label;
  private final Function<Plugin, List<? extends Factory<?, ?>>> getter;

  Kind(String label, Function<Plugin, List<? extends Factory<?, ?>>> getter) {
    this.label = label;
    this.getter = getter;
  }

  /** Singular noun used in messages ("unknown system 'x'"). */
  public String label() {
    return label;
  }

  /** The label's plural, as listings head their sections ("losses", "systems"). */
  public String plural() {
    return label.endsWith("s") ? label + "es" : label + "s";
  }

  List<? extends Factory<?, ?>> factoriesOf(Plugin plugin) {
    return getter.apply(plugin);
  }
}

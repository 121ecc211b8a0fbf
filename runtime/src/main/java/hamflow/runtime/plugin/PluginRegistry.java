package hamflow.runtime.plugin;

import hamflow.api.Factory;
import hamflow.api.Plugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every factory of every loaded plugin, by kind and type name. Type names are unique across all
 * kinds, so {@code hamflow describe TYPE} is unambiguous; a second claim of a name is a
 * {@link PluginConflictException} naming both sources.
 */
public final class PluginRegistry {
  private final Map<Kind, Map<String, RegisteredFactory>> byKind = new EnumMap<>(Kind.class);
  private final Map<String, RegisteredFactory> byType = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();

  /** Registers the factories of {@code plugins}; a plugin whose getter fails is skipped with a warning. */
  public PluginRegistry(List<LoadedPlugin> plugins) {
    for (Kind kind : Kind.values()) {
      byKind.put(kind, new TreeMap<>());
    }
    for (LoadedPlugin loaded : plugins) {
      List<RegisteredFactory> contributed = new ArrayList<>();
      try {
        for (Kind kind : Kind.values()) {
          for (Factory<?, ?> factory : kind.factoriesOf(loaded.plugin())) {
            contributed.add(new RegisteredFactory(kind, factory, loaded.source()));
          }
        }
      } catch (RuntimeException | LinkageError e) {
        warnings.add("plugin " + loaded.source() + " skipped: its factories could not be listed: " + e);
        continue;
      }
      contributed.forEach(this::add);
    }
  }

  /** Loads the bundled plugins and those in {@code directory} (may be null). */
  public static PluginRegistry discover(java.nio.file.Path directory) {
    PluginLoader.Result result = PluginLoader.load(directory);
    PluginRegistry registry = new PluginRegistry(result.plugins());
    registry.warnings.addAll(0, result.warnings());
    // The runtime's own type: it rebuilds a trained model through this registry.
    registry.add(new RegisteredFactory(Kind.SYSTEM,
        new hamflow.runtime.train.LearnedHamiltonianFactory(registry), "hamflow-runtime"));
    // A layer that integrates with an integrator plugin, found through this registry.
    registry.add(new RegisteredFactory(Kind.LAYER,
        new hamflow.runtime.flow.ContinuousFlowFactory(registry), "hamflow-runtime"));
    return registry;
  }

  /** A registry of the given plugin instances, as a test or an embedding application builds one. */
  public static PluginRegistry of(Plugin... plugins) {
    List<LoadedPlugin> loaded = new ArrayList<>();
    for (Plugin p : plugins) {
      loaded.add(new LoadedPlugin(p, p.getClass().getSimpleName()));
    }
    return new PluginRegistry(loaded);
  }

  private void add(RegisteredFactory factory) {
    RegisteredFactory earlier = byType.get(factory.type());
    if (earlier != null) {
      throw new PluginConflictException(
          "type '" + factory.type() + "' is claimed twice: as a " + earlier.kind().label()
              + " by " + earlier.source() + " and as a " + factory.kind().label() + " by "
              + factory.source() + "; remove one of the two jars");
    }
    byType.put(factory.type(), factory);
    byKind.get(factory.kind()).put(factory.type(), factory);
  }

  public Optional<RegisteredFactory> find(Kind kind, String type) {
    return Optional.ofNullable(byKind.get(kind).get(type));
  }

  public Optional<RegisteredFactory> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The factories of one kind, sorted by type name. */
  public List<RegisteredFactory> all(Kind kind) {
    return List.copyOf(byKind.get(kind).values());
  }

  /** Jars skipped while loading, and plugins that failed to list their factories. */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }
}

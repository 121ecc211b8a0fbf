package hamflow.runtime.plugin;

import hamflow.api.Plugin;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds plugins: those on the runtime's own module or class path (the bundled ones), then every
 * {@code *.jar} of a plugins directory, each in a module layer of its own whose parent holds
 * {@code hamflow.api}. A jar with a {@code module-info} becomes a named module; a plain jar
 * becomes an automatic module whose {@code META-INF/services} entry declares its provider. When
 * the runtime itself runs on the class path (as in unit tests), each jar gets a class loader of
 * its own instead.
 *
 * <p>A jar that cannot be loaded is skipped with a warning naming it and the cause; the others
 * still load.
 */
public final class PluginLoader {

  /** What was loaded and what was skipped. */
  public record Result(List<LoadedPlugin> plugins, List<String> warnings) {}

  private PluginLoader() {}

  /** Bundled plugins, plus those in {@code directory} when it is not null. */
  public static Result load(Path directory) {
    List<LoadedPlugin> plugins = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ServiceLoader.load(Plugin.class, PluginLoader.class.getClassLoader()).stream()
        .forEach(provider -> plugins.add(new LoadedPlugin(provider.get(), sourceOf(provider.type()))));
    if (directory != null) {
      if (!Files.isDirectory(directory)) {
        warnings.add("plugins directory " + directory + " does not exist; no extra plugins loaded");
      } else {
        for (Path jar : jarsIn(directory, warnings)) {
          try {
            List<LoadedPlugin> found = loadJar(jar);
            if (found.isEmpty()) {
              warnings.add("plugin jar " + jar.getFileName() + " skipped: it provides no "
                  + Plugin.class.getName() + " (add META-INF/services/" + Plugin.class.getName()
                  + " or 'provides' in module-info)");
            }
            plugins.addAll(found);
          } catch (Exception | LinkageError | java.util.ServiceConfigurationError e) {
            warnings.add("plugin jar " + jar.getFileName() + " skipped: " + describe(e));
          }
        }
      }
    }
    return new Result(List.copyOf(plugins), List.copyOf(warnings));
  }

  private static List<Path> jarsIn(Path directory, List<String> warnings) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      warnings.add("plugins directory " + directory + " could not be read: " + e.getMessage());
      return List.of();
    }
  }

  private static List<LoadedPlugin> loadJar(Path jar) throws IOException {
    String name = jar.getFileName().toString();
    Module api = Plugin.class.getModule();
    List<LoadedPlugin> found = new ArrayList<>();
    if (api.isNamed() && api.getLayer() != null) {
      ModuleLayer parent = api.getLayer();
      ModuleFinder finder = ModuleFinder.of(jar);
      Set<ModuleReference> modules = finder.findAll();
      if (modules.size() != 1) {
        throw new IllegalStateException("expected one module, found " + modules.size());
      }
      String moduleName = modules.iterator().next().descriptor().name();
      if (parent.findModule(moduleName).isPresent()) {
        throw new IllegalStateException("its module '" + moduleName + "' is already loaded");
      }
      Configuration cf =
          parent.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of(moduleName));
      ModuleLayer layer =
          ModuleLayer.defineModulesWithOneLoader(
                  cf, List.of(parent), PluginLoader.class.getClassLoader())
              .layer();
      // ServiceLoader also walks parent layers: keep only this jar's own providers.
      ServiceLoader.load(layer, Plugin.class).stream()
          .filter(p -> p.type().getModule().getLayer() == layer)
          .forEach(p -> found.add(new LoadedPlugin(p.get(), name)));
    } else {
      URLClassLoader loader =
          new URLClassLoader(
              "plugin:" + name, new URL[] {jar.toUri().toURL()}, Plugin.class.getClassLoader());
      ServiceLoader.load(Plugin.class, loader).stream()
          .filter(p -> p.type().getClassLoader() == loader)
          .forEach(p -> found.add(new LoadedPlugin(p.get(), name)));
    }
    return found;
  }

  /** The jar file name a bundled plugin class came from, else its module's name. */
  private static String sourceOf(Class<?> type) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code != null && code.getLocation() != null) {
      try {
        Path location = Path.of(code.getLocation().toURI()).getFileName();
        if (location != null) {
          return location.toString();
        }
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        // not a file location: fall through to the module name
      }
    }
    Module module = type.getModule();
    return module.isNamed() ? module.getName() : type.getName();
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (text.length() > 0) {
        text.append(": ");
      }
      String message = t.getMessage();
      text.append(message == null ? t.getClass().getSimpleName() : message);
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}

package hamflow.runtime.cli;

import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hamflow plugins}: every type by kind, with its description and source jar. */
@Command(name = "plugins", description = "List every plugin type by kind.")
final class PluginsCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PluginRegistry registry = main.registry(spec.commandLine().getErr());
    for (Kind kind : Kind.values()) {
      List<RegisteredFactory> factories = registry.all(kind);
      out.println(kind.plural() + ":");
      int width = factories.stream().mapToInt(f -> f.type().length()).max().orElse(0);
      for (RegisteredFactory f : factories) {
        out.printf("  %-" + width + "s  %s  [%s]%n", f.type(), f.factory().description(), f.source());
      }
    }
    out.flush();
    return Main.OK;
  }
}

package hamflow.runtime.cli;

import hamflow.runtime.descriptor.ParameterSpec;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hamflow describe TYPE}: a type's parameters with their types, defaults and ranges. */
@Command(name = "describe", description = "Show a plugin type's parameters.")
final class DescribeCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TYPE", description = "A type name, as listed by 'hamflow plugins'.")
  String type;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PluginRegistry registry = main.registry(spec.commandLine().getErr());
    RegisteredFactory f = registry.find(type).orElseThrow(() -> new Main.BadInputException(
        "unknown type '" + type + "'; 'hamflow plugins' lists the installed ones"));
    out.printf("%s (%s, from %s)%n  %s%n", f.type(), f.kind().label(), f.source(),
        f.factory().description());
    @SuppressWarnings("unchecked")
    List<ParameterSpec> params =
        ParameterSpec.of((Class<? extends Record>) f.factory().parameters());
    if (params.isEmpty()) {
      out.println("parameters: none");
    } else {
      out.println("parameters:");
      for (ParameterSpec p : params) {
        String range = p.rangeText().isEmpty() ? "" : " " + p.rangeText();
        String dflt = p.defaultValue().map(d -> "default " + d).orElse("required");
        out.printf("  %-16s %s%s, %s%n      %s%n", p.name(), p.typeName(), range, dflt,
            p.description());
      }
    }
    out.flush();
    return Main.OK;
  }
}

package hamflow.it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a third party's plugin jar the way its author would: sources compiled by javac against
 * the API module and the TensorFlow jars it re-exports, with no Hamflow runtime anywhere on the
 * path, then packed with {@code META-INF/services}.
 */
final class ThirdPartyPlugin {
  private ThirdPartyPlugin() {}

  /** The jars a plugin author compiles against: hamflow-api and what it requires transitively. */
  static List<Path> apiJars(Path lib) throws IOException {
    try (Stream<Path> jars = Files.list(lib)) {
      List<Path> api = jars.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("hamflow-api-") || n.startsWith("tensorflow-core-api-")
            || n.startsWith("ndarray-") || n.equals("tensorflow-core-native-1.1.0.jar")
            || n.startsWith("javacpp-") || n.startsWith("protobuf-java-");
      }).toList();
      assertThat(api).anyMatch(p -> p.getFileName().toString().startsWith("hamflow-api-"))
          .noneMatch(p -> p.getFileName().toString().startsWith("hamflow-runtime"));
      return api;
    }
  }

  /**
   * Compiles the rotor plugin as {@code jarName}: a named module when {@code modular}, else a
   * plain jar that declares its provider only in {@code META-INF/services}.
   */
  static Path build(Path workDir, String jarName, String module, String type, boolean modular)
      throws IOException {
    String pkg = module;
    Path src = Files.createDirectories(workDir.resolve(jarName + "-src"));
    Path pkgDir = Files.createDirectories(src.resolve(pkg.replace('.', '/')));
    List<String> files = new ArrayList<>();
    files.add(write(pkgDir.resolve("RotorPlugin.java"), "RotorPlugin.java.txt", module, pkg, type));
    if (modular) {
      files.add(write(src.resolve("module-info.java"), "module-info.java.txt", module, pkg, type));
    }
    Path classes = Files.createDirectories(workDir.resolve(jarName + "-classes"));
    String path = String.join(java.io.File.pathSeparator,
        apiJars(Distribution.home().resolve("lib")).stream().map(Path::toString).toList());
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
        modular ? "--module-path" : "--class-path", path));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac of the third-party plugin").isZero();

    Path jar = workDir.resolve(jarName);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> all = Files.walk(classes)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
      zip.putNextEntry(new JarEntry("META-INF/services/hamflow.api.Plugin"));
      zip.write((pkg + ".RotorPlugin\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }

  private static String write(Path target, String template, String module, String pkg, String type)
      throws IOException {
    try (InputStream in = ThirdPartyPlugin.class.getResourceAsStream("/third-party/" + template)) {
      assertThat(in).as(template).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@MODULE@", module).replace("@PACKAGE@", pkg).replace("@TYPE@", type);
      Files.writeString(target, text);
    }
    return target.toString();
  }
}

package hamflow.it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/hamflow} of the built distribution, on the module path: the bundled example, and a
 * third-party plugin jar dropped into a plugins folder — plus a broken jar and a type clash.
 */
class DistributionEndToEndTest {
  @TempDir Path dir;

  @Test
  void bundledExampleWritesItsRunFolder() throws Exception {
    Path out = dir.resolve("run");
    Distribution.Outcome run = Distribution.hamflow(dir, "run",
        Distribution.examples().resolve("oscillator-simulate.yaml").toString(), "--out",
        out.toString(), "--no-progress");
    assertThat(run.status()).as(run.err()).isZero();
    for (String f : new String[] {"descriptor.yaml", "trajectories.npz", "trajectories.csv",
        "metrics.json", "phase-portrait.png", "energy.png", "energy-error.png"}) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    // Leapfrog at dt = 0.05, ω = 1 keeps |ΔH|/H below about dt²/4 ≈ 6e-4 for all time.
    assertThat(metrics.at("/energy/relative_drift_max").asDouble()).isBetween(1e-6, 1e-3);
    Map<String, String> headers = npyHeaders(out.resolve("trajectories.npz"));
    assertThat(headers.get("x.npy")).contains("'shape': (8, 2001, 2)").contains("'<f8'");
    assertThat(headers.get("t.npy")).contains("'shape': (2001,)");
    assertThat(headers.get("energy.npy")).contains("'shape': (8, 2001)");
    assertThat(Files.readString(out.resolve("descriptor.yaml")))
        .contains("harmonic-oscillator").contains("keep-every: 10");
  }

  @Test
  void thirdPartySystemRunsFromAPluginsFolder() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = ThirdPartyPlugin.build(dir, "rotor-plugin.jar", "com.example.rotor", "rotor", true);
    Files.copy(jar, plugins.resolve("rotor-plugin.jar"));
    // A jar that is not a jar: reported by name, and the others still load.
    Files.writeString(plugins.resolve("broken.jar"), "not a zip file");

    Distribution.Outcome listed = Distribution.hamflow(dir, "--plugins", plugins.toString(), "plugins");
    assertThat(listed.status()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("rotor").contains("third-party rotor").contains("rotor-plugin.jar");
    assertThat(listed.err()).contains("warning").contains("broken.jar");

    Path descriptor = dir.resolve("rotor.yaml");
    Files.writeString(descriptor, """
        name: rotor
        job: simulate
        system: {type: rotor, radius: 0.8}
        integrator: {type: rk4}
        simulation: {dt: 0.01, steps: 1000, trajectories: 3, keep-every: 10}
        """);
    Path out = dir.resolve("rotor-run");
    Distribution.Outcome run = Distribution.hamflow(dir, "--plugins", plugins.toString(), "run",
        descriptor.toString(), "--out", out.toString(), "--no-progress");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    // RK4, dt = 0.01, angular speed r² = 0.64, t = 10: energy error ~ (ω dt)^4 · t, far below 1e-6.
    assertThat(metrics.at("/energy/relative_drift_max").asDouble()).isLessThan(1e-6);

    // Leapfrog needs a separable H: a descriptor error that names the integrators that work.
    Files.writeString(descriptor, Files.readString(descriptor).replace("rk4", "leapfrog"));
    Distribution.Outcome refused = Distribution.hamflow(dir, "--plugins", plugins.toString(),
        "validate", descriptor.toString());
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).contains("integrator.type").contains("not separable")
        .containsPattern("integrators that work: [^\\n]*\\brk4\\b")
        .doesNotContainPattern("integrators that work: [^\\n]*(?<![-\\w])leapfrog\\b");
  }

  @Test
  void twoPluginsClaimingOneTypeAreNamedBoth() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    // A plain jar (no module-info, only META-INF/services) claiming a bundled type name.
    Path jar = ThirdPartyPlugin.build(dir, "clash-plugin.jar", "com.example.clash",
        "harmonic-oscillator", false);
    Files.copy(jar, plugins.resolve("clash-plugin.jar"));
    Distribution.Outcome run = Distribution.hamflow(dir, "--plugins", plugins.toString(), "plugins");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("'harmonic-oscillator'").contains("clash-plugin.jar")
        .contains("hamflow-plugin-systems");
  }

  @Test
  void plainJarPluginLoadsAsAnAutomaticModule() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = ThirdPartyPlugin.build(dir, "plain-rotor.jar", "org.example.plain", "plain-rotor", false);
    Files.copy(jar, plugins.resolve("plain-rotor.jar"));
    Distribution.Outcome run = Distribution.hamflow(dir, "--plugins", plugins.toString(),
        "describe", "plain-rotor");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("plain-rotor.jar").contains("radius");
  }

  private static Map<String, String> npyHeaders(Path npz) throws IOException {
    Map<String, String> headers = new HashMap<>();
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        byte[] bytes = zip.getInputStream(e).readNBytes(128);
        assertThat(bytes[0] & 0xff).isEqualTo(0x93);
        int length = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + length) % 64).as("npy header alignment").isZero();
        headers.put(e.getName(), new String(bytes, 10, Math.min(length, 118), StandardCharsets.US_ASCII));
      }
    }
    return headers;
  }
}

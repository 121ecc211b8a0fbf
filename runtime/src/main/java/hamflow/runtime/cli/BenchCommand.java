package hamflow.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hamflow.api.loss.Loss;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.train.Dataset;
import hamflow.runtime.train.HnnBenchmark;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hamflow bench}: times one HNN training step at the spring settings and over a grid of
 * widths and batches, runs the PyTorch reference on the same machine in the same invocation,
 * and prints the time ratio Hamflow/PyTorch per configuration, plus the share of the machine's
 * SGEMM rate reached. Not a test: numbers for people and notes.
 */
@Command(name = "bench", description = "Time HNN training steps beside the PyTorch reference.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--peer", paramLabel = "FILE",
      defaultValue = "../shared/peers/hnn_torch_reference.py",
      description = "The PyTorch reference script (default: ${DEFAULT-VALUE}).")
  Path peer;

  @Option(names = "--python", defaultValue = "/usr/bin/python3",
      description = "Python with torch, scipy and numpy (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--no-peer", description = "Time Hamflow only.")
  boolean noPeer;

  @Option(names = "--hidden", split = ",", defaultValue = "200,512",
      description = "Widths of the sweep (default: ${DEFAULT-VALUE}).")
  List<Integer> hidden;

  @Option(names = "--batch", split = ",", defaultValue = "256,1024,4096",
      description = "Batches of the sweep (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Option(names = "--steps", defaultValue = "200",
      description = "Timed training steps per configuration (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--threads", defaultValue = "2",
      description = "Threads for the PyTorch reference (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PluginRegistry registry = main.registry(spec.commandLine().getErr());
    Loss loss = create(registry, Kind.LOSS, "field-matching", "", Loss.class);
    HamiltonianSystem spring = create(registry, Kind.SYSTEM, "mass-spring", "", HamiltonianSystem.class);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode result = mapper.createObjectNode();

    JsonNode torch = null;
    if (!noPeer) {
      out.println("running the PyTorch reference: " + peer);
      out.flush();
      torch = runPeer(out);
      result.set("pytorch", torch);
    }
    List<Row> rows = new ArrayList<>();
    Dataset springData = HnnBenchmark.springData(spring);
    int springPoints = springData.train().stream().mapToInt(t -> t.length()).sum();
    for (String gradient : List.of("closed-form", "autodiff")) {
      Model hnn = create(registry, Kind.MODEL, "hnn", "width: 200, gradient: " + gradient, Model.class);
      double s = HnnBenchmark.secondsPerStep(hnn, loss, springData, steps);
      Double ref = torch == null ? null : torch.path("hnn").path("s_per_step").asDouble();
      rows.add(new Row("spring (" + gradient + ")", 200, springPoints, s, ref));
    }
    for (int h : hidden) {
      Model hnn = create(registry, Kind.MODEL, "hnn", "width: " + h, Model.class);
      for (int b : batches) {
        double s = HnnBenchmark.secondsPerStep(hnn, loss, HnnBenchmark.randomData(b, 0), steps);
        rows.add(new Row("sweep", h, b, s, peerSweep(torch, h, b)));
      }
    }
    double sgemm = HnnBenchmark.sgemmGflops(2048, 5);
    double torchSgemm = torch == null ? 0 : torch.path("sgemm_2048_gflops").asDouble(0);
    // The machine's rate is the faster of the two libraries' products; a step cannot beat the
    // time its FLOPs take at that rate, which bounds the ratio any implementation can reach.
    double peak = Math.max(sgemm, torchSgemm);
    out.printf("%-24s %6s %6s %14s %14s %8s %10s %14s%n", "configuration", "h", "batch",
        "hamflow s/step", "pytorch s/step", "ratio", "GFLOP/s", "ratio at peak");
    ArrayNode table = result.putArray("rows");
    for (Row r : rows) {
      double flops = HnnBenchmark.stepFlops(r.batch, r.hidden);
      double gflops = flops / r.seconds / 1e9;
      double floor = flops / peak / 1e9;
      out.printf("%-24s %6d %6d %14.3e %14s %8s %10.1f %14s%n", r.name, r.hidden, r.batch,
          r.seconds, r.peer == null ? "-" : String.format("%.3e", r.peer),
          r.peer == null ? "-" : String.format("%.3f", r.seconds / r.peer), gflops,
          r.peer == null ? "-" : String.format("%.3f", floor / r.peer));
      ObjectNode o = table.addObject();
      o.put("configuration", r.name).put("hidden", r.hidden).put("batch", r.batch)
          .put("hamflow_s_per_step", r.seconds).put("gflops", gflops)
          .put("seconds_at_peak", floor);
      if (r.peer != null) {
        o.put("pytorch_s_per_step", r.peer).put("ratio", r.seconds / r.peer)
            .put("ratio_at_peak", floor / r.peer);
      }
    }
    out.printf("SGEMM 2048^3 float32 through TensorFlow: %.1f GFLOP/s%n", sgemm);
    result.put("sgemm_gflops", sgemm);
    if (torchSgemm > 0) {
      out.printf("SGEMM 2048^3 float32 through PyTorch:    %.1f GFLOP/s%n", torchSgemm);
      result.put("pytorch_sgemm_gflops", torchSgemm);
    }
    out.println("ratio at peak: the ratio if the step ran all its FLOPs at the faster SGEMM rate");
    rows.stream().filter(r -> r.name.equals("sweep")).reduce((a, b) -> b).ifPresent(r -> {
      double rate = HnnBenchmark.stepFlops(r.batch, r.hidden) / r.seconds / 1e9;
      out.printf("h=%d batch=%d reaches %.0f%% of the TensorFlow SGEMM rate", r.hidden, r.batch,
          100 * rate / sgemm);
      if (torchSgemm > 0) {
        out.printf(", %.0f%% of PyTorch's", 100 * rate / torchSgemm);
        result.put("largest_sweep_share_of_pytorch_sgemm", rate / torchSgemm);
      }
      out.println();
      result.put("largest_sweep_share_of_sgemm", rate / sgemm);
    });
    out.flush();
    if (json != null) {
      mapper.writeValue(json.toFile(), result);
    }
    return Main.OK;
  }

  private record Row(String name, int hidden, int batch, double seconds, Double peer) {}

  private static <T> T create(PluginRegistry registry, Kind kind, String type, String fields,
      Class<T> as) {
    return registry.find(kind, type).flatMap(f -> Binder.create(f, fields, as)).orElseThrow(() ->
        new Main.BadInputException("bench needs the bundled " + kind.label() + " '" + type + "'"));
  }

  private JsonNode runPeer(PrintWriter out) throws Exception {
    if (!Files.isRegularFile(peer)) {
      throw new Main.BadInputException("PyTorch reference not found at " + peer
          + "; pass --peer FILE or --no-peer");
    }
    List<String> cmd = new ArrayList<>(List.of(python, peer.toString(), "--skip-baseline",
        "--skip-energy", "--threads", Integer.toString(threads), "--steps", Integer.toString(Math.max(steps, 200)),
        "--sweep-hiddens", join(hidden), "--sweep-batches", join(batches)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("{")) {
          last = line;
        } else {
          out.println("  torch> " + line);
          out.flush();
        }
      }
    }
    int rc = p.waitFor();
    if (rc != 0 || last == null) {
      throw new Main.BadInputException("the PyTorch reference failed (exit " + rc + "); is "
          + python + " able to import torch, scipy and numpy? (Debian: python3-torch "
          + "python3-scipy python3-numpy) Or pass --no-peer");
    }
    return new ObjectMapper().readTree(last);
  }

  private static Double peerSweep(JsonNode torch, int h, int b) {
    if (torch == null) {
      return null;
    }
    for (JsonNode row : torch.path("sweep")) {
      if (row.path("hidden").asInt() == h && row.path("batch").asInt() == b) {
        return row.path("s_per_step_min").asDouble();
      }
    }
    return null;
  }

  private static String join(List<Integer> xs) {
    return String.join(",", xs.stream().map(String::valueOf).toList());
  }
}

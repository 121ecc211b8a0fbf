package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hamflow.runtime.train.HnnBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hamflow bench} against a stand-in for the PyTorch reference (a shell script printing the
 * reference's JSON line), so the ratios it prints can be checked exactly: Hamflow's time over the
 * peer's, and the ratio at the machine's peak SGEMM rate (FLOPs ÷ the faster library's rate).
 */
class BenchCommandTest {

  private static final double PEER_SPRING = 0.5;
  private static final double PEER_SWEEP = 0.25;
  private static final double PEER_SGEMM = 1.0e6; // GFLOP/s: far above TensorFlow's, so the peak

  @Test
  void printsRatiosAgainstThePeerAndTheRatioAtPeak(@TempDir Path dir) throws Exception {
    Path peer = dir.resolve("peer.sh");
    Files.writeString(peer, "echo 'torch stand-in'\n"
        + "echo '{\"hnn\": {\"s_per_step\": " + PEER_SPRING + "}, \"sweep\": [{\"hidden\": 16, "
        + "\"batch\": 32, \"s_per_step_min\": " + PEER_SWEEP + "}], \"sgemm_2048_gflops\": "
        + PEER_SGEMM + "}'\n");
    Path json = dir.resolve("bench.json");

    Cli run = Cli.of("bench", "--python", "/bin/sh", "--peer", peer.toString(), "--steps", "2",
        "--hidden", "16", "--batch", "32", "--json", json.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("torch> torch stand-in", "ratio at peak",
        "% of PyTorch's");
    JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("rows");
    assertThat(rows).hasSize(3);
    for (JsonNode row : rows) {
      boolean sweep = row.get("configuration").asText().equals("sweep");
      double peerSeconds = sweep ? PEER_SWEEP : PEER_SPRING;
      double seconds = row.get("hamflow_s_per_step").asDouble();
      double flops = HnnBenchmark.stepFlops(row.get("batch").asInt(), row.get("hidden").asInt());
      assertThat(seconds).isPositive();
      assertThat(row.get("pytorch_s_per_step").asDouble()).isEqualTo(peerSeconds);
      assertThat(row.get("ratio").asDouble()).isCloseTo(seconds / peerSeconds, within(1e-12));
      assertThat(row.get("gflops").asDouble())
          .isCloseTo(flops / seconds / 1e9, within(1e-9 * flops / seconds / 1e9));
      double atPeak = flops / PEER_SGEMM / 1e9 / peerSeconds;
      assertThat(row.get("ratio_at_peak").asDouble()).isCloseTo(atPeak, within(1e-12 * atPeak));
    }
    assertThat(rows.get(0).get("batch").asInt()).as("the spring task's 750 training points")
        .isEqualTo(750);
  }

  @Test
  void aFailingPeerIsReportedWithWhatToInstall(@TempDir Path dir) throws Exception {
    Path peer = dir.resolve("peer.sh");
    Files.writeString(peer, "echo 'No module named torch' >&2\nexit 1\n");

    Cli run = Cli.of("bench", "--python", "/bin/sh", "--peer", peer.toString(), "--steps", "2",
        "--hidden", "16", "--batch", "32");

    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("the PyTorch reference failed (exit 1)", "python3-torch",
        "--no-peer");
  }

  @Test
  void aMissingPeerNamesThePath(@TempDir Path dir) {
    Cli run = Cli.of("bench", "--peer", dir.resolve("absent.py").toString(), "--steps", "2");

    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("PyTorch reference not found at", "absent.py", "--no-peer");
  }
}

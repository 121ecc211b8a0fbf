package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrability objective on a reduced FPUT run (N = 3, α = 0.2, every mode excited as in
 * the bundled example, short training): along held-out trajectories the latent actions of the
 * trained symplectic flow vary less than the physical normal-mode actions, which exchange
 * energy — relative to their size, and against how much they differ between trajectories,
 * where they also beat the untrained flow; and each trajectory circles its latent planes'
 * origin. The plain variance behind a last zero-center is what makes those actions real: the
 * relative variance is also lowered by moving a plane far off the origin, or by stretching it
 * onto one thin ring on which every trajectory has the same action.
 */
class FputIntegrabilityTest {
  @TempDir Path dir;

  @Test
  void latentActionsAreConservedWhereNormalModeActionsAreNot() throws IOException {
    Path file = FlowRuns.descriptor(dir, "fput.yaml", """
        name: fput-small
        job: flow
        dtype: float64
        seed: 0
        system: {type: fput, sites: 3, alpha: 0.2, start: mode-actions, action-min: 0.01,
                 action-max: 0.05}
        data: {source: generate, trajectories: 60, t-end: 30.0, samples: 60}
        layers:
          - repeat: 2
            layers:
              - {type: exchange}
              - {type: symplectic-shear-p, potential: irrotational, width: 16}
              - {type: linear-symplectic}
          - {type: zero-center, learned-shift: false, mean-gradient: true}
        objective: {type: integrability, relative: false}
        training: {steps: 1500, learning-rate: 3.0e-3, final-learning-rate: 3.0e-4, batch-size: 16,
                   lbfgs-steps: 300}
        """);
    JsonNode a = FlowRuns.metrics(FlowRuns.run(file, dir.resolve("run"))).get("actions");
    double latent = a.get("max-latent-spread").asDouble();
    double ratio = a.get("max-latent-spread-ratio").asDouble();
    double untrained = max(a.get("untrained-latent-spread-ratio"));
    double modes = a.get("max-normal-mode-spread-ratio").asDouble();
    double offset = a.get("max-latent-offset").asDouble();
    double modeSpread = a.get("max-normal-mode-spread").asDouble();
    System.out.printf("[fput] relative action spread: latent %.4f, normal modes %.4f; spread"
        + " along / across trajectories: latent %.4f (untrained %.4f), normal modes %.4f;"
        + " offset %.4f%n", latent, modeSpread, ratio, untrained, modes, offset);
    // Normal-mode energies of the α-FPUT chain at these actions swap by ~10% within t = 30;
    // the latent actions vary by less than half that (measured 4.1% against 10.0%).
    assertThat(modeSpread).isGreaterThan(0.07);
    assertThat(latent).isLessThan(modeSpread / 2);
    assertThat(ratio).isLessThan(modes / 2).isLessThan(untrained / 2);
    assertThat(offset).as("orbits circle the origin of every latent plane").isLessThan(0.3);
    assertThat(dir.resolve("run").resolve("latent-plane-1.png")).exists();
    // latent.npz holds the test trajectories' latent coordinates the spread was measured on.
    NpzReader.Array z = NpzReader.read(dir.resolve("run").resolve("latent.npz")).get("z_test");
    assertThat(z.shape()).containsExactly(12, 60, 6);
    assertThat(maxSpread(z)).isCloseTo(latent, within(1e-9));
  }

  private static double max(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .mapToDouble(JsonNode::asDouble).max().orElseThrow();
  }

  /** The largest, over latent planes k, of the mean over trajectories of std_t/mean_t of I_k. */
  private static double maxSpread(NpzReader.Array z) {
    int paths = (int) z.shape()[0];
    int points = (int) z.shape()[1];
    int n = (int) z.shape()[2] / 2;
    double max = 0;
    for (int k = 0; k < n; k++) {
      double sum = 0;
      for (int i = 0; i < paths; i++) {
        double[] action = new double[points];
        for (int t = 0; t < points; t++) {
          int at = (i * points + t) * 2 * n;
          double q = z.values()[at + k];
          double p = z.values()[at + n + k];
          action[t] = (q * q + p * p) / 2;
        }
        double mean = java.util.Arrays.stream(action).average().orElseThrow();
        double var = java.util.Arrays.stream(action).map(a -> (a - mean) * (a - mean)).average()
            .orElseThrow();
        sum += Math.sqrt(var) / mean;
      }
      max = Math.max(max, sum / paths);
    }
    return max;
  }
}

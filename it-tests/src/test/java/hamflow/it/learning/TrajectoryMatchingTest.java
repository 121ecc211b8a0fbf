package hamflow.it.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trajectory-matching loss: a separable HNN rolled forward by leapfrog (10 steps per
 * sampling interval, unrolled in the graph, gradients through every step) learns the harmonic
 * oscillator from a handful of exact trajectories, and its learned H simulates like the truth.
 *
 * <p>Seen for seeds 1 (the one used), 0 and 3 (test loss first / last; rollout max distance;
 * true-energy drift along the learned path): 1082, 0.024, 1.8%; 200, 0.112, 5.6%; 837, 0.056,
 * 2.6%. One hidden layer keeps the unrolled graph (and its build and optimisation) small.
 */
class TrajectoryMatchingTest {
  private static final double START = 0.6;
  private static final double DT = 0.05;
  private static final int ROLLOUT_STEPS = 200;

  @TempDir Path dir;

  static String descriptor(String model, String integrator) {
    return """
        name: trajectory-matching
        job: train
        dtype: float32
        seed: 1
        system:
          type: harmonic-oscillator   # m = k = 1: H = (q^2 + p^2) / 2, period 2 pi
          mass: 1.0
          spring-constant: 1.0
        data:
          source: generate
          trajectories: 16
          t-end: 3.0
          samples: 31                 # interval 0.1
        model: %s
        loss:
          type: trajectory-matching
          steps: 10                   # leapfrog dt = 0.01 inside the loss
        integrator:
          type: %s
        training:
          steps: 300
          learning-rate: 2.0e-2
          log-every: 50
        evaluation:
          states: 5
          t-end: 10.0
          points: 50
          tolerance: 1.0e-9
          rollout:
            start: [%s, 0.0]
            dt: %s
            steps: %d
        """.formatted(model, integrator, START, DT, ROLLOUT_STEPS);
  }

  @Test
  void separableHnnLearnsTheOscillatorFromNextStates() throws IOException {
    Path run = Runs.run(Runs.descriptor(dir, "tm.yaml",
        descriptor("{type: separable-hnn, width: 32, depth: 1}", "leapfrog")), dir.resolve("run"));
    JsonNode m = Runs.metrics(run);
    List<String> losses = Files.readAllLines(run.resolve("loss.csv"));
    assertThat(losses.get(1)).startsWith("model,0,");
    double first = Double.parseDouble(losses.get(1).split(",")[3]);
    double last = m.at("/model/final_test_loss").asDouble();
    double distance = m.at("/rollout/max_state_difference").asDouble();
    double drift = m.at("/rollout/true_energy_drift_learned_path").asDouble();
    System.out.printf("trajectory matching: test loss %.3e -> %.3e (factor %.0f); rollout max "
        + "distance %.4f, true-energy drift %.4f%n", first, last, first / last, distance, drift);

    // A random H_θ misses the next state by O(interval · |field|) = O(0.1); a learned one by
    // the field error times 0.1. Seen: factors 200 to 1082 over three seeds.
    assertThat(first / last).as("first / final test loss").isGreaterThan(100);

    // Both paths use leapfrog at the same dt, so only the learned H separates them: a relative
    // frequency error δ drifts the phase by δ·t, a distance ≈ r·δ·t. Below 0.15 at r = 0.6 and
    // t = 10 means δ < 2.5% (seen: 0.024, i.e. δ ≈ 0.4%).
    assertThat(distance).isLessThan(0.15);
    // Leapfrog conserves H_θ (to O(dt²)); the true H along that path changes only as far as the
    // level sets of H_θ and H differ: a few % of field error moves r by a few %, H ∝ r² twice.
    assertThat(drift).isLessThan(0.1);

    // The reference column of the rollout is leapfrog on the true H: exact q = 0.6 cos t,
    // p = −0.6 sin t up to leapfrog's phase error t·dt²/24 ≈ 1e-3 rad and O(dt²) amplitude
    // wobble (dt²/8 ≈ 3e-4 relative): 2e-3 bounds both at r = 0.6.
    List<String> rollout = Files.readAllLines(run.resolve("rollout.csv"));
    assertThat(rollout.get(0)).isEqualTo("t,true_q1,true_p1,learned_q1,learned_p1");
    assertThat(rollout).hasSize(ROLLOUT_STEPS + 2);
    for (String line : rollout.subList(1, rollout.size())) {
      String[] v = line.split(",");
      double t = Double.parseDouble(v[0]);
      assertThat(Double.parseDouble(v[1])).isCloseTo(START * Math.cos(t),
          org.assertj.core.data.Offset.offset(2e-3));
      assertThat(Double.parseDouble(v[2])).isCloseTo(-START * Math.sin(t),
          org.assertj.core.data.Offset.offset(2e-3));
    }
    assertThat(Double.parseDouble(rollout.get(rollout.size() - 1).split(",")[0]))
        .isCloseTo(ROLLOUT_STEPS * DT, org.assertj.core.data.Offset.offset(1e-9));
  }

  /**
   * An explicit splitting integrator cannot advance a non-separable learned H; the loss refuses
   * it, and the user must get that as bad input (status 2, no stack trace) and no run folder.
   */
  @Test
  void nonSeparableHnnWithLeapfrogIsRefusedAsBadInput() throws IOException {
    Path d = Runs.descriptor(dir, "bad.yaml", descriptor("{type: hnn, width: 8}", "leapfrog"));
    Path out = dir.resolve("out");
    Cli run = Cli.of("run", d.toString(), "--out", out.toString(), "--no-progress");
    assertThat(run.err()).contains("separable-hnn");
    assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
    assertThat(run.status()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }
}

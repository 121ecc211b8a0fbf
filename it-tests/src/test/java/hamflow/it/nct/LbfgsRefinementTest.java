package hamflow.it.nct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.runtime.report.NpzReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training.lbfgs-steps}: L-BFGS after Adam on one fixed, moment-matched batch. For a
 * linear canonical map of a harmonic chain the free energy on such a batch equals its
 * expectation exactly, so L-BFGS minimises the true objective and resolves the normal modes to
 * the precision of the arithmetic, including the nearly degenerate top ones that Adam leaves
 * mixed.
 */
class LbfgsRefinementTest {
  @TempDir Path dir;

  @Test
  void resolvesEveryNormalModeOfAChainThatAdamLeavesMixed() throws IOException {
    JsonNode adam = FlowRuns.metrics(FlowRuns.run(chain("adam", 0, "[]"), dir.resolve("a")));
    JsonNode both = FlowRuns.metrics(FlowRuns.run(chain("both", 3000, "[]"), dir.resolve("b")));
    double[] analytic = FlowRuns.doubles(both.get("frequencies").get("analytic"));
    // Exact F = Σ_k ln(β ω_k / 2π) / β at β = 1: the log partition function of n oscillators.
    double exact = Arrays.stream(analytic).map(w -> Math.log(w / (2 * Math.PI))).sum();

    assertThat(both.get("lbfgs").get("iterations").asInt()).isPositive();
    assertThat(both.get("frequencies").get("max-relative-error").asDouble()).isLessThan(1e-5);
    assertThat(both.get("frequencies").get("min-mode-correlation").asDouble())
        .isGreaterThan(0.9999);
    assertThat(both.get("trained").get("free-energy-bound").asDouble() - exact)
        .isBetween(-1e-6, 1e-6);
    // The same Adam steps alone: modes mixed, bound above the exact value.
    assertThat(adam.has("lbfgs")).isFalse();
    assertThat(adam.get("frequencies").get("min-mode-correlation").asDouble()).isLessThan(0.99);
    assertThat(adam.get("trained").get("free-energy-bound").asDouble() - exact)
        .isGreaterThan(1e-5);
  }

  @Test
  void refinesOnlyTheNamedLayersAndTheObjective() throws IOException {
    Path run = FlowRuns.run(chain("only", 200, "[diagonal-scaling]"), dir.resolve("o"));
    Map<String, NpzReader.Array> afterAdam =
        NpzReader.read(run.resolve("checkpoints/flow-step-300.npz"));
    Map<String, NpzReader.Array> end = NpzReader.read(run.resolve("checkpoints/flow-step-500.npz"));
    for (String name : afterAdam.keySet()) {
      if (name.startsWith("flow/layer0/")) { // linear-symplectic: not named
        assertThat(end.get(name).values()).as(name).containsExactly(afterAdam.get(name).values());
      }
    }
    assertThat(end.get("flow/layer1/log-omega").values())
        .isNotEqualTo(afterAdam.get("flow/layer1/log-omega").values());
    assertThat(end.get("objective/log-omega").values())
        .isNotEqualTo(afterAdam.get("objective/log-omega").values());
  }

  /**
   * On data, L-BFGS takes every training example as its batch, so it reaches the exact
   * maximum-likelihood fit. Diagonal scaling {@code Q = a q, P = p / a} under the latent-harmonic
   * prior of frequency ω has its optimum in closed form: {@code a² = √(⟨p²⟩/⟨q²⟩)},
   * {@code 1/ω = √(⟨q²⟩⟨p²⟩)}, and a mean NLL of {@code 1 + ln(2π √(⟨q²⟩⟨p²⟩))} over the
   * training states.
   */
  @Test
  void reachesTheExactMaximumLikelihoodFitOfTheTrainingData() throws IOException {
    Path file = FlowRuns.descriptor(dir, "mle.yaml", """
        name: lbfgs-mle
        job: flow
        dtype: float64
        seed: 3
        system: {type: harmonic-oscillator, mass: 1.0, spring-constant: 4.0}
        integrator: {type: langevin-baoab, friction: 2.0, temperature: 1.0, seed: 5}
        data: {source: boltzmann, trajectories: 50, burn-in: 200, samples: 10, every: 50}
        layers:
          - {type: diagonal-scaling}
        objective: {type: likelihood, prior: latent-harmonic}
        training: {steps: 20, learning-rate: 1.0e-2, batch-size: 16, log-every: 10,
                   lbfgs-steps: 200}
        evaluation: {samples: 100}
        """);
    Path run = FlowRuns.run(file, dir.resolve("mle"));
    NpzReader.Array x = NpzReader.read(run.resolve("data.npz")).get("x_train");
    double qq = 0;
    double pp = 0;
    int states = x.values().length / 2;
    for (int i = 0; i < states; i++) {
      qq += x.values()[2 * i] * x.values()[2 * i] / states;
      pp += x.values()[2 * i + 1] * x.values()[2 * i + 1] / states;
    }
    double optimum = 1 + Math.log(2 * Math.PI * Math.sqrt(qq * pp));
    assertThat(finalTrainingLoss(run))
        .isCloseTo(optimum, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(historyLoss(run, 1) - optimum).as("after 10 Adam steps").isGreaterThan(1e-3);
    double omega = Math.exp(
        NpzReader.read(lastCheckpoint(run)).get("objective/log-omega").values()[0]);
    assertThat(1 / omega).isCloseTo(Math.sqrt(qq * pp), org.assertj.core.data.Offset.offset(1e-6));
  }

  /**
   * Full-batch L-BFGS through zero-center (whose batch mean carries its gradient here; see
   * ZeroCenterTest): orbits of ω = 2 round a centre far off the origin, under diagonal scaling
   * then zero-center, {@code z = D (x − x̄)}. The integrability loss is exactly zero at
   * {@code D = diag(√2, 1/√2)}, where every orbit is a circle about the origin; 20 Adam steps
   * leave it far from there, and L-BFGS must reach it.
   */
  @Test
  void trainsThroughZeroCentersBatchMean() throws IOException {
    FlowRuns.offCentreOrbits(dir.resolve("orbits.npz"), 40, 32, 11);
    Path file = FlowRuns.descriptor(dir, "centred.yaml", """
        name: lbfgs-centred
        job: flow
        dtype: float64
        seed: 3
        data: {source: file, file: orbits.npz}
        layers:
          - {type: diagonal-scaling}
          - {type: zero-center, learned-shift: false}
        objective: {type: integrability}
        training: {steps: 20, learning-rate: 1.0e-2, batch-size: 8, log-every: 10,
                   lbfgs-steps: 300}
        """);
    Path run = FlowRuns.run(file, dir.resolve("centred"));
    JsonNode lbfgs = FlowRuns.metrics(run).get("lbfgs");
    assertThat(lbfgs.get("iterations").asInt()).as(lbfgs.toString()).isGreaterThan(3);
    assertThat(finalTrainingLoss(run)).as(lbfgs.toString()).isLessThan(1e-12);
    assertThat(historyLoss(run, 1)).as("after 10 Adam steps").isGreaterThan(1e-3);
  }

  private static double finalTrainingLoss(Path run) throws IOException {
    return historyLoss(run, -1);
  }

  /** The training loss of logged row {@code row} (-1: the last) of the run's last checkpoint. */
  private static double historyLoss(Path run, int row) throws IOException {
    NpzReader.Array h = NpzReader.read(lastCheckpoint(run)).get("_history");
    int columns = (int) h.shape()[1];
    int r = row < 0 ? (int) h.shape()[0] - 1 : row;
    return h.values()[r * columns + 1];
  }

  /**
   * A run resumed from its checkpoint at the end of the Adam steps runs the whole L-BFGS phase
   * again on the same fixed batch and ends bit for bit where the uninterrupted run ends. (Resumed
   * inside the phase, L-BFGS starts with an empty curvature history.)
   */
  @Test
  void resumedAtTheEndOfAdamEndsWhereTheUninterruptedRunEnds() throws IOException {
    Path full = FlowRuns.run(chain("resume", 200, "[]"), dir.resolve("full"));
    Path copy = dir.resolve("interrupted");
    java.nio.file.Files.createDirectories(copy.resolve("checkpoints"));
    for (String f : new String[] {"descriptor.yaml", "checkpoints/flow-step-300.npz"}) {
      java.nio.file.Files.copy(full.resolve(f), copy.resolve(f));
    }
    hamflow.runtime.experiment.Experiment.load(copy.resolve("descriptor.yaml"), FlowRuns.REGISTRY,
        false).resume(copy);
    Map<String, NpzReader.Array> a = NpzReader.read(full.resolve("checkpoints/flow-step-500.npz"));
    Map<String, NpzReader.Array> b = NpzReader.read(copy.resolve("checkpoints/flow-step-500.npz"));
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    for (String key : a.keySet()) {
      assertThat(b.get(key).values()).as(key).containsExactly(a.get(key).values());
    }
    assertThat(FlowRuns.metrics(copy).get("lbfgs").get("iterations").asInt()).isEqualTo(200);
  }

  @Test
  void aLayerTypeNotInTheStackIsADescriptorError() throws IOException {
    Throwable e = catchThrowable(() -> FlowRuns.run(chain("bad", 10, "[affine-coupling]"),
        dir.resolve("bad")));
    assertThat(e).hasMessageContaining("training.lbfgs-layers")
        .hasMessageContaining("no layer of type 'affine-coupling' in the stack (its layers are "
            + "linear-symplectic, diagonal-scaling)");
  }

  @Test
  void namingLayersWithoutLbfgsStepsIsADescriptorError() throws IOException {
    Throwable e = catchThrowable(() -> FlowRuns.run(chain("idle", 0, "[diagonal-scaling]"),
        dir.resolve("idle")));
    assertThat(e).hasMessageContaining("training.lbfgs-layers: names the layers L-BFGS refines, "
        + "but training.lbfgs-steps is 0");
  }

  /** The checkpoint of the highest step (names sort by step: the steps here have equal digits). */
  private static Path lastCheckpoint(Path run) throws IOException {
    try (java.util.stream.Stream<Path> files =
        java.nio.file.Files.list(run.resolve("checkpoints"))) {
      return files.max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
    }
  }

  /** An n = 8 chain under its linear canonical layers: 300 Adam steps, then L-BFGS. */
  private Path chain(String name, int lbfgs, String layers) throws IOException {
    return FlowRuns.descriptor(dir, name + ".yaml", """
        name: lbfgs-%s
        job: flow
        dtype: float64
        seed: 3
        system: {type: harmonic-chain, sites: 8, coupling: 1.0}
        layers:
          - {type: linear-symplectic}
          - {type: diagonal-scaling}
        objective: {type: free-energy, prior: latent-harmonic, moment-matched: true}
        training:
          steps: 300
          learning-rate: 1.0e-2
          batch-size: 64
          log-every: 50
          checkpoint-every: 300
          lbfgs-steps: %d
          lbfgs-layers: %s
        evaluation: {samples: 2000}
        """.formatted(name, lbfgs, layers));
  }
}

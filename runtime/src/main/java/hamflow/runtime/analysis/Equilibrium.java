package hamflow.runtime.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hamflow.api.system.HamiltonianSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * Equilibrium averages of a thermostatted run. In the canonical ensemble
 * {@code ⟨pᵢ ∂H/∂pᵢ⟩ = kT} (equipartition) and {@code ⟨qᵢ ∂H/∂qᵢ⟩ = kT} (virial theorem, for a
 * confining potential); {@code ⟨pᵢ²⟩} and {@code ⟨qᵢ²⟩} are reported too (for
 * {@code H = p²/2m + k q²/2}: m kT and kT/k).
 *
 * <p>Averages run over the kept states after the burn-in fraction of the run and over all
 * trajectories. Standard errors come from batch means: each trajectory's series is cut into
 * {@code batches} consecutive blocks of equal length (the few samples that do not fill a block
 * are dropped from the start of the series), and with M = trajectories × batches block means
 * {@code SE = sd(block means)/√M}. This is valid when a block is much longer than the
 * correlation time of the observable; too short blocks underestimate the error.
 */
public final class Equilibrium {
  private Equilibrium() {}

  /** A mean and its standard error. */
  public record Estimate(double mean, double standardError) {}

  /** The four averages of one degree of freedom (or their mean over the degrees of freedom). */
  public record Averages(Estimate pDHdp, Estimate qDHdq, Estimate pSquared, Estimate qSquared) {}

  /**
   * @param perDof one entry per degree of freedom
   * @param overDof the averages of {@code (1/n) Σᵢ …}, with their own batch-means errors
   */
  public record Result(int samplesPerTrajectory, int trajectories, List<Averages> perDof,
      Averages overDof) {}

  /** The first kept state that is averaged: {@code ⌈burnIn·(kept − 1)⌉}. */
  public static int firstSample(EquilibriumSettings settings, int kept) {
    return (int) Math.ceil(settings.burnIn() * (kept - 1) - 1e-9);
  }

  /** Samples per trajectory after the burn-in, out of {@code kept} kept states. */
  public static int samples(EquilibriumSettings settings, int kept) {
    return kept - firstSample(settings, kept);
  }

  public static Result analyse(
      EquilibriumSettings settings, HamiltonianSystem system, double[][][] states) {
    int kept = states[0].length;
    int first = firstSample(settings, kept);
    int samples = kept - first;
    if (samples < settings.batches()) {
      throw new IllegalArgumentException("equilibrium: " + samples + " kept states after the"
          + " burn-in, fewer than batches = " + settings.batches());
    }
    int n = system.degreesOfFreedom();
    double[][][] used = new double[states.length][][];
    for (int i = 0; i < states.length; i++) {
      used[i] = Arrays.copyOfRange(states[i], first, kept);
    }
    double[][][] grad = FieldSamples.gradients(system, used);
    List<Averages> perDof = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int q = j;
      int p = n + j;
      perDof.add(averages(settings, used, grad, (x, gr) -> x[p] * gr[p], (x, gr) -> x[q] * gr[q],
          (x, gr) -> x[p] * x[p], (x, gr) -> x[q] * x[q]));
    }
    Averages overDof = averages(settings, used, grad,
        (x, gr) -> meanOver(n, i -> x[n + i] * gr[n + i]),
        (x, gr) -> meanOver(n, i -> x[i] * gr[i]),
        (x, gr) -> meanOver(n, i -> x[n + i] * x[n + i]), (x, gr) -> meanOver(n, i -> x[i] * x[i]));
    return new Result(samples, states.length, List.copyOf(perDof), overDof);
  }

  private static double meanOver(int n, IntToDoubleFunction f) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += f.applyAsDouble(i);
    }
    return sum / n;
  }

  @SafeVarargs
  private static Averages averages(EquilibriumSettings settings, double[][][] states,
      double[][][] grad, ToDoubleBiFunction<double[], double[]>... observables) {
    Estimate[] e = new Estimate[observables.length];
    for (int o = 0; o < observables.length; o++) {
      double[][] series = new double[states.length][];
      for (int i = 0; i < states.length; i++) {
        series[i] = new double[states[i].length];
        for (int k = 0; k < states[i].length; k++) {
          series[i][k] = observables[o].applyAsDouble(states[i][k], grad[i][k]);
        }
      }
      e[o] = batchMeans(series, settings.batches());
    }
    return new Averages(e[0], e[1], e[2], e[3]);
  }

  /**
   * The mean of independent series (one per trajectory) and its batch-means standard error, each
   * series cut into {@code batches} blocks of equal length (leftover samples dropped from the
   * start).
   */
  public static Estimate batchMeans(double[][] series, int batches) {
    List<Double> means = new ArrayList<>();
    for (double[] s : series) {
      int length = s.length / batches;
      int offset = s.length - length * batches;
      for (int b = 0; b < batches; b++) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
          sum += s[offset + b * length + k];
        }
        means.add(sum / length);
      }
    }
    int m = means.size();
    double mean = 0;
    for (double v : means) {
      mean += v;
    }
    mean /= m;
    double ss = 0;
    for (double v : means) {
      ss += (v - mean) * (v - mean);
    }
    return new Estimate(mean, Math.sqrt(ss / (m - 1) / m));
  }

  /** Adds the {@code equilibrium} entry to {@code metrics}. */
  static void write(EquilibriumSettings settings, Result r, ObjectNode metrics) {
    ObjectNode node = metrics.putObject("equilibrium");
    node.put("burn_in", settings.burnIn());
    node.put("batches", settings.batches());
    node.put("samples_per_trajectory", r.samplesPerTrajectory());
    node.put("trajectories", r.trajectories());
    put(node.putObject("mean_over_degrees_of_freedom"), r.overDof());
    ArrayNode per = node.putArray("degrees_of_freedom");
    for (Averages a : r.perDof()) {
      put(per.addObject(), a);
    }
  }

  private static void put(ObjectNode node, Averages a) {
    put(node, "p_dH_dp", a.pDHdp());
    put(node, "q_dH_dq", a.qDHdq());
    put(node, "p_squared", a.pSquared());
    put(node, "q_squared", a.qSquared());
  }

  private static void put(ObjectNode node, String key, Estimate e) {
    ObjectNode o = node.putObject(key);
    o.put("mean", e.mean());
    o.put("standard_error", e.standardError());
  }
}

package hamflow.runtime.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hamflow.runtime.report.Plots;
import hamflow.runtime.report.RunFolder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Normal-mode energies of a chain of n unit masses with fixed ends, {@code q₀ = q_{n+1} = 0},
 * and harmonic springs of stiffness κ (the harmonic chain; the quadratic part of FPUT, κ = 1):
 *
 * <pre>
 *   Q_k = √(2/(n+1)) Σᵢ qᵢ sin(i k π/(n+1)),  P_k likewise from p,
 *   E_k = (P_k² + ω_k² Q_k²)/2,  ω_k = 2√κ sin(kπ/(2n+2)),  k = 1..n.
 * </pre>
 *
 * The sine transform is orthogonal, so Σ E_k is the chain's harmonic energy; for the harmonic
 * chain each E_k is conserved, for FPUT energy flows between modes (and, from mode 1, returns:
 * the Fermi–Pasta–Ulam–Tsingou recurrence). n is the system's number of degrees of freedom.
 */
public final class NormalModes {
  private NormalModes() {}

  /** {@code ω_k = 2√κ sin(kπ/(2n+2))}, k = 1..n. */
  public static double[] frequencies(int n, double coupling) {
    double[] omega = new double[n];
    for (int k = 1; k <= n; k++) {
      omega[k - 1] = 2 * Math.sqrt(coupling) * Math.sin(k * Math.PI / (2 * n + 2));
    }
    return omega;
  }

  /** {@code E_k} of every kept state: {@code [trajectory][time][mode]}. */
  public static double[][][] energies(NormalModesSettings settings, double[][][] states) {
    int n = states[0][0].length / 2;
    double[] omega = frequencies(n, settings.coupling());
    double[][] basis = new double[n][n];
    double norm = Math.sqrt(2.0 / (n + 1));
    for (int k = 1; k <= n; k++) {
      for (int i = 1; i <= n; i++) {
        basis[k - 1][i - 1] = norm * Math.sin(i * k * Math.PI / (n + 1));
      }
    }
    double[][][] out = new double[states.length][][];
    for (int t = 0; t < states.length; t++) {
      out[t] = new double[states[t].length][n];
      for (int s = 0; s < states[t].length; s++) {
        double[] x = states[t][s];
        for (int k = 0; k < n; k++) {
          double q = 0;
          double p = 0;
          for (int i = 0; i < n; i++) {
            q += basis[k][i] * x[i];
            p += basis[k][i] * x[n + i];
          }
          out[t][s][k] = 0.5 * (p * p + omega[k] * omega[k] * q * q);
        }
      }
    }
    return out;
  }

  /**
   * The first return of mode 1 in one trajectory: after E₁'s share of the total mode energy has
   * fallen below half its initial value, the time and share of its largest value later on (a
   * share near the initial one is a recurrence). {@code null} when the share never halves.
   */
  static double[] recurrence(double[] times, double[][] energies) {
    double[] share = new double[times.length];
    for (int s = 0; s < times.length; s++) {
      double total = 0;
      for (double e : energies[s]) {
        total += e;
      }
      share[s] = total > 0 ? energies[s][0] / total : 0;
    }
    int start = -1;
    for (int s = 0; s < share.length; s++) {
      if (share[s] < 0.5 * share[0]) {
        start = s;
        break;
      }
    }
    if (start < 0) {
      return null;
    }
    int best = start;
    for (int s = start; s < share.length; s++) {
      if (share[s] > share[best]) {
        best = s;
      }
    }
    return new double[] {times[best], share[best]};
  }

  /** Writes {@code normal-modes.csv}, {@code normal-modes.png} and the metrics. */
  static void write(NormalModesSettings settings, double[] times, double[][][] energies,
      RunFolder folder, ObjectNode metrics, String who) throws IOException {
    int n = energies[0][0].length;
    try (BufferedWriter out = Files.newBufferedWriter(folder.file("normal-modes.csv"))) {
      StringBuilder header = new StringBuilder("trajectory,t");
      for (int k = 1; k <= n; k++) {
        header.append(",E").append(k);
      }
      out.write(header.toString());
      out.newLine();
      for (int i = 0; i < energies.length; i++) {
        for (int s = 0; s < times.length; s++) {
          StringBuilder row = new StringBuilder().append(i).append(',').append(times[s]);
          for (double e : energies[i][s]) {
            row.append(',').append(e);
          }
          out.write(row.toString());
          out.newLine();
        }
      }
    }
    int shown = Math.min(n, settings.plotModes());
    double[][] xs = new double[shown][];
    double[][] ys = new double[shown][];
    for (int k = 0; k < shown; k++) {
      xs[k] = times;
      ys[k] = new double[times.length];
      for (int s = 0; s < times.length; s++) {
        ys[k][s] = energies[0][s][k];
      }
    }
    Plots.lines(folder.file("normal-modes.png"),
        "Normal-mode energies, first trajectory (" + who + ")", "t", "E_k", xs, ys, "mode");

    ObjectNode node = metrics.putObject("normal_modes");
    node.put("modes", n);
    node.put("coupling", settings.coupling());
    ArrayNode omega = node.putArray("omega");
    for (double w : frequencies(n, settings.coupling())) {
      omega.add(w);
    }
    ArrayNode per = node.putArray("trajectories");
    for (double[][] e : energies) {
      ObjectNode t = per.addObject();
      ArrayNode initial = t.putArray("initial");
      ArrayNode last = t.putArray("final");
      ArrayNode mean = t.putArray("time_average");
      for (int k = 0; k < n; k++) {
        initial.add(e[0][k]);
        last.add(e[e.length - 1][k]);
        double sum = 0;
        for (double[] row : e) {
          sum += row[k];
        }
        mean.add(sum / e.length);
      }
      double[] r = recurrence(times, e);
      if (r == null) {
        t.putNull("mode_1_recurrence");
      } else {
        ObjectNode rec = t.putObject("mode_1_recurrence");
        rec.put("time", r[0]);
        rec.put("share", r[1]);
      }
    }
  }
}

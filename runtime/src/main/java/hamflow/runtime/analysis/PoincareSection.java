package hamflow.runtime.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.analysis.PoincareSettings.Direction;
import hamflow.runtime.report.Plots;
import hamflow.runtime.report.RunFolder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where trajectories cross a Poincaré section {@code x[c] = value}.
 *
 * <p>A crossing is found between consecutive kept states whose section coordinate lies on the
 * two sides of the value (in the chosen direction). Between them the trajectory is the cubic
 * Hermite interpolant of the two states and of their time derivatives {@code J∇H}, the exact
 * Hamiltonian vector field there; the crossing time is the root of its section coordinate
 * (bisection to round-off), and the crossing state the interpolant at that time. Its error is
 * O(Δ⁴) in the spacing Δ = keep-every·dt of kept states (linear interpolation would be O(Δ²)),
 * so Δ should stay well below the time scale of the motion — a tenth of a period gives errors of
 * order 1e-5 of the amplitude. Two crossings within one interval are missed: keep Δ below half
 * the shortest return time. For a thermostatted (stochastic) run the interpolant is only an
 * approximation of the path between kept states.
 */
public final class PoincareSection {
  private PoincareSection() {}

  /** One point of the section: trajectory index, crossing time, the full state there. */
  public record Crossing(int trajectory, double time, double[] state) {}

  /** The crossings of every trajectory, in trajectory then time order. */
  public static List<Crossing> crossings(
      PoincareSettings settings, HamiltonianSystem system, double[] times, double[][][] states) {
    int dof = system.degreesOfFreedom();
    int c = Coordinates.index(settings.plane(), dof);
    if (c < 0) {
      throw new IllegalArgumentException("the system has no coordinate '" + settings.plane()
          + "'; valid: " + Coordinates.valid(dof));
    }
    double[][][] gradients = FieldSamples.gradients(system, states);
    List<Crossing> out = new ArrayList<>();
    double value = settings.value();
    for (int i = 0; i < states.length; i++) {
      double[][] x = states[i];
      for (int k = 0; k + 1 < x.length; k++) {
        double s0 = x[k][c] - value;
        double s1 = x[k + 1][c] - value;
        if (!crosses(settings.direction(), s0, s1)) {
          continue;
        }
        double span = times[k + 1] - times[k];
        double[] d0 = scaled(FieldSamples.timeDerivative(gradients[i][k]), span);
        double[] d1 = scaled(FieldSamples.timeDerivative(gradients[i][k + 1]), span);
        double theta = root(x[k], d0, x[k + 1], d1, c, value, s0);
        double[] state = hermite(x[k], d0, x[k + 1], d1, theta);
        state[c] = value; // on the plane by definition; the interpolant is within round-off
        out.add(new Crossing(i, times[k] + theta * span, state));
      }
    }
    return out;
  }

  /** Whether the section coordinate goes from {@code s0} to {@code s1} through 0 as asked. */
  static boolean crosses(Direction direction, double s0, double s1) {
    boolean up = s0 < 0 && s1 >= 0;
    boolean down = s0 > 0 && s1 <= 0;
    return switch (direction) {
      case UP -> up;
      case DOWN -> down;
      case BOTH -> up || down;
    };
  }

  /**
   * θ in (0, 1] where the Hermite interpolant's coordinate c equals {@code value}, by bisection:
   * the interpolant equals the end states at θ = 0 and 1, where the signs differ.
   */
  private static double root(
      double[] x0, double[] d0, double[] x1, double[] d1, int c, double value, double s0) {
    double lo = 0;
    double hi = 1;
    for (int it = 0; it < 64 && hi - lo > 1e-16; it++) {
      double mid = 0.5 * (lo + hi);
      double s = hermite(x0[c], d0[c], x1[c], d1[c], mid) - value;
      if (s == 0) {
        return mid;
      }
      if ((s < 0) == (s0 < 0)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static double[] scaled(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] * factor;
    }
    return out;
  }

  /** The cubic Hermite interpolant at θ of end values x0, x1 and end slopes d0, d1 (per θ). */
  private static double[] hermite(double[] x0, double[] d0, double[] x1, double[] d1, double t) {
    double[] out = new double[x0.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = hermite(x0[j], d0[j], x1[j], d1[j], t);
    }
    return out;
  }

  private static double hermite(double x0, double d0, double x1, double d1, double t) {
    double t2 = t * t;
    double t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * x1
        + (t3 - t2) * d1;
  }

  /** Writes {@code poincare.csv}, {@code poincare.png} and the {@code poincare} metrics. */
  static void write(PoincareSettings settings, int trajectories, int dof, List<Crossing> points,
      RunFolder folder, ObjectNode metrics, String who) throws IOException {
    String[] names = Coordinates.names(dof);
    try (BufferedWriter out = Files.newBufferedWriter(folder.file("poincare.csv"))) {
      out.write("trajectory,t," + String.join(",", names));
      out.newLine();
      for (Crossing p : points) {
        StringBuilder row = new StringBuilder().append(p.trajectory()).append(',').append(p.time());
        for (double v : p.state()) {
          row.append(',').append(v);
        }
        out.write(row.toString());
        out.newLine();
      }
    }
    int a = Coordinates.index(settings.plot().get(0), dof);
    int b = Coordinates.index(settings.plot().get(1), dof);
    int[] counts = new int[trajectories];
    points.forEach(p -> counts[p.trajectory()]++);
    double[][] xs = new double[trajectories][];
    double[][] ys = new double[trajectories][];
    int[] filled = new int[trajectories];
    for (int i = 0; i < trajectories; i++) {
      xs[i] = new double[counts[i]];
      ys[i] = new double[counts[i]];
    }
    for (Crossing p : points) {
      int i = p.trajectory();
      xs[i][filled[i]] = p.state()[a];
      ys[i][filled[i]++] = p.state()[b];
    }
    String plane = String.format(Locale.ROOT, "%s = %s, %s", settings.plane(),
        settings.value(), settings.direction().name().toLowerCase(Locale.ROOT));
    Plots.scatter(folder.file("poincare.png"), "Poincare section " + plane + " (" + who + ")",
        settings.plot().get(0), settings.plot().get(1), xs, ys, "trajectory");
    ObjectNode node = metrics.putObject("poincare");
    node.put("plane", settings.plane());
    node.put("value", settings.value());
    node.put("direction", settings.direction().name().toLowerCase(Locale.ROOT));
    node.put("crossings", points.size());
    ArrayNode per = node.putArray("crossings_per_trajectory");
    for (int count : counts) {
      per.add(count);
    }
  }
}

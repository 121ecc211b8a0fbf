package hamflow.runtime.train;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4/7.5) on a deterministic objective of a
 * flat parameter vector, with a backtracking Armijo line search that tries the unit step first.
 *
 * <p>Used after Adam, on one fixed batch, to resolve the nearly flat directions of an objective
 * (mixing two modes whose frequencies differ by 0.3% changes a free energy only at order
 * (Δω/ω)²) that Adam crawls along. Written here rather than taken from a library: Hipparchus has
 * dense BFGS only inside its constrained SQP solvers, and its nonlinear conjugate gradient spends
 * a bracketing Brent search (tens of evaluations) on every iteration; a flow has 10⁵ parameters
 * and one evaluation is a forward and backward pass of the whole graph.
 */
public final class Lbfgs {
  private static final double ARMIJO = 1e-4;
  private static final int BACKTRACKS = 40;

  /** The objective: its value at {@code x}, with its gradient written into {@code gradient}. */
  @FunctionalInterface
  public interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  /** Called after every accepted iteration (1-based) with the new point and value. */
  @FunctionalInterface
  public interface Listener {
    void accepted(int iteration, double[] x, double value);
  }

  /** Why the iteration stopped. */
  public enum Stop {
    /** The requested number of iterations ran. */
    ITERATIONS,
    /** The gradient's largest component fell to the tolerance. */
    GRADIENT,
    /** No step along the search direction lowered the value: converged to rounding. */
    NO_DECREASE
  }

  /** The final point and value, the iterations and objective evaluations spent, and why. */
  public record Result(double[] x, double value, int iterations, int evaluations, Stop stop) {}

  private final int history;
  private final double gradientTolerance;

  /**
   * {@code history}: the number of curvature pairs kept (PyTorch's default is 100, 10-20 is the
   * textbook choice); {@code gradientTolerance}: stop when every gradient component is at most
   * this.
   */
  public Lbfgs(int history, double gradientTolerance) {
    if (history < 1) {
      throw new IllegalArgumentException("L-BFGS history must be at least 1, got " + history);
    }
    this.history = history;
    this.gradientTolerance = gradientTolerance;
  }

  /** Minimises {@code f} from {@code start} (not modified) for at most {@code iterations}. */
  public Result minimize(Objective f, double[] start, int iterations, Listener listener) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double value = f.evaluate(x, g);
    int evaluations = 1;
    Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {1 / y·s}}, newest first
    double[] trial = new double[n];
    double[] trialGradient = new double[n];
    for (int k = 0; k < iterations; k++) {
      if (maxAbs(g) <= gradientTolerance) {
        return new Result(x, value, k, evaluations, Stop.GRADIENT);
      }
      double[] d = direction(g, pairs);
      double slope = dot(g, d);
      if (!(slope < 0)) { // the curvature model went bad: restart from steepest descent
        pairs.clear();
        d = direction(g, pairs);
        slope = dot(g, d);
      }
      // The first direction is the raw gradient: scale its step so that it moves by at most 1.
      double step = pairs.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
      double next = Double.NaN;
      boolean accepted = false;
      for (int b = 0; b < BACKTRACKS; b++) {
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] + step * d[i];
        }
        next = f.evaluate(trial, trialGradient);
        evaluations++;
        if (Double.isFinite(next) && next <= value + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted || !(next < value)) {
        f.evaluate(x, g); // leave the objective's state at the best point
        evaluations++;
        return new Result(x, value, k, evaluations, Stop.NO_DECREASE);
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = trial[i] - x[i];
        y[i] = trialGradient[i] - g[i];
      }
      double ys = dot(y, s);
      // Keep the pair only where it carries positive curvature; otherwise H would lose
      // definiteness (Armijo alone does not guarantee y·s > 0).
      if (ys > 1e-12 * Math.sqrt(dot(y, y) * dot(s, s))) {
        pairs.addFirst(new double[][] {s, y, {1 / ys}});
        if (pairs.size() > history) {
          pairs.removeLast();
        }
      }
      System.arraycopy(trial, 0, x, 0, n);
      System.arraycopy(trialGradient, 0, g, 0, n);
      value = next;
      listener.accepted(k + 1, x, value);
    }
    return new Result(x, value, iterations, evaluations,
        maxAbs(g) <= gradientTolerance ? Stop.GRADIENT : Stop.ITERATIONS);
  }

  /** {@code -H g} by the two-loop recursion, H₀ = (s·y / y·y) I from the newest pair. */
  private static double[] direction(double[] g, Deque<double[][]> pairs) {
    double[] q = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      q[i] = -g[i];
    }
    double[] alpha = new double[pairs.size()];
    int j = 0;
    for (double[][] p : pairs) { // newest to oldest
      alpha[j] = p[2][0] * dot(p[0], q);
      axpy(-alpha[j], p[1], q);
      j++;
    }
    if (!pairs.isEmpty()) {
      double[][] newest = pairs.peekFirst();
      double gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    var oldestFirst = pairs.descendingIterator();
    j = pairs.size() - 1;
    while (oldestFirst.hasNext()) {
      double[][] p = oldestFirst.next();
      double beta = p[2][0] * dot(p[1], q);
      axpy(alpha[j] - beta, p[0], q);
      j--;
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double maxAbs(double[] a) {
    return Arrays.stream(a).map(Math::abs).max().orElse(0);
  }
}

package hamflow.testkit;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Linear algebra, fits and graph-building pieces shared by the contracts; {@link #omegaDefect}
 * and {@link #slope} are public for integration tests, the rest is internal to the testkit.
 */
public final class Numerics {
  private Numerics() {}

  /** max |JᵀΩJ − Ω| for a 2n × 2n J[i][j] = ∂y_i/∂x_j, Ω = [[0, I], [−I, 0]]; NaN if J has NaN. */
  public static double omegaDefect(double[][] j) {
    int dim = j.length;
    int n = dim / 2;
    double worst = 0;
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < dim; b++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          // (JᵀΩJ)_ab = Σ_k J_{k,a} J_{n+k,b} − J_{n+k,a} J_{k,b}
          sum += j[k][a] * j[n + k][b] - j[n + k][a] * j[k][b];
        }
        double omega = b == a + n ? 1 : (a == b + n ? -1 : 0);
        // NaN must fail the check: Math.max propagates it.
        worst = Math.max(worst, Math.abs(sum - omega));
      }
    }
    return worst;
  }

  /** log|det a| by LU with partial pivoting. */
  static double logAbsDet(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      int pivot = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
          pivot = i;
        }
      }
      double[] t = a[k];
      a[k] = a[pivot];
      a[pivot] = t;
      sum += Math.log(Math.abs(a[k][k]));
      for (int i = k + 1; i < n; i++) {
        double f = a[i][k] / a[k][k];
        for (int j = k; j < n; j++) {
          a[i][j] -= f * a[k][j];
        }
      }
    }
    return sum;
  }

  /** Least-squares slope of y against x (same length, at least two distinct x). */
  public static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }

  /** {@code count} states from the system's sampler, seeded with {@code seed}. */
  static double[][] sample(HamiltonianSystem system, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] out = new double[count][];
    for (int i = 0; i < count; i++) {
      out[i] = system.sampleInitialState(random);
    }
    return out;
  }

  /** Whether every value is finite. */
  static boolean finite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The field a system gives integrators, as the runtime builds it: the closed-form gradient
   * when the system has one, automatic differentiation of H otherwise.
   */
  static <T extends TFloating> HamiltonianField<T> field(GraphContext<T> g, HamiltonianSystem s) {
    return new HamiltonianField<>() {
      @Override
      public int degreesOfFreedom() {
        return s.degreesOfFreedom();
      }

      @Override
      public boolean separable() {
        return s.separable();
      }

      @Override
      public Operand<T> gradient(Operand<T> x) {
        return s.gradient(g, x).orElseGet(() -> g.gradient(s.hamiltonian(g, x), x));
      }
    };
  }

  /** The classical fourth-order Runge–Kutta step: the testkit's own reference flow. */
  static <T extends TFloating> Operand<T> rk4Step(
      GraphContext<T> g, HamiltonianField<T> f, Operand<T> x, Operand<T> dt) {
    var tf = g.tf();
    Operand<T> half = tf.math.mul(dt, g.constant(0.5));
    Operand<T> k1 = f.timeDerivative(g, x);
    Operand<T> k2 = f.timeDerivative(g, tf.math.add(x, tf.math.mul(half, k1)));
    Operand<T> k3 = f.timeDerivative(g, tf.math.add(x, tf.math.mul(half, k2)));
    Operand<T> k4 = f.timeDerivative(g, tf.math.add(x, tf.math.mul(dt, k3)));
    Operand<T> sum = tf.math.add(tf.math.add(k1, k4),
        tf.math.mul(g.constant(2.0), tf.math.add(k2, k3)));
    return tf.math.add(x, tf.math.mul(tf.math.div(dt, g.constant(6.0)), sum));
  }

  /** One step of a method, in a form that covers both the plugin's integrators and RK4. */
  interface Step {
    Operand<TFloat64> apply(
        TestGraph<TFloat64> g, HamiltonianField<TFloat64> f, Operand<TFloat64> x,
        Operand<TFloat64> dt);

    static Step of(Integrator integrator) {
      return integrator::step;
    }

    static Step rk4() {
      return Numerics::rk4Step;
    }
  }

  /**
   * Integrates {@code initial} for {@code steps} steps of {@code dt} in float64 and returns the
   * states after every {@code keepEvery} steps, starting with the initial ones:
   * {@code [kept][batch][2n]}. Up to {@code keepEvery} steps are unrolled in one graph (fewer
   * for a step of many ops), fed back between runs ({@code steps} a multiple of
   * {@code keepEvery}).
   */
  static List<double[][]> rollout(HamiltonianSystem system, Step step, double[][] initial,
      double dt, int steps, int keepEvery) {
    if (steps % keepEvery != 0) {
      throw new IllegalArgumentException(steps + " steps is not a multiple of " + keepEvery);
    }
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      HamiltonianField<TFloat64> f = field(g, system);
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = g.constant(dt);
      int before = operations(g);
      Operand<TFloat64> y = step.apply(g, f, x, h);
      int chunk = largestDivisorAtMost(keepEvery, MAX_UNROLLED_OPS / (operations(g) - before));
      for (int k = 1; k < chunk; k++) {
        y = step.apply(g, f, y, h);
      }
      List<double[][]> kept = new ArrayList<>();
      double[][] state = initial;
      kept.add(state);
      for (int k = 0; k < steps / keepEvery; k++) {
        for (int c = 0; c < keepEvery / chunk; c++) {
          state = g.run(x, state, List.of(y)).get(0).rows();
        }
        kept.add(state);
      }
      return kept;
    }
  }

  /**
   * Ops unrolled into one run: past a few thousand, a run's fixed overhead is negligible, and
   * larger graphs only cost building time (an implicit step iterating 30 times is ~1000 ops).
   */
  private static final int MAX_UNROLLED_OPS = 3000;

  private static int operations(TestGraph<?> g) {
    int count = 0;
    for (var it = g.graph().operations(); it.hasNext(); it.next()) {
      count++;
    }
    return count;
  }

  private static int largestDivisorAtMost(int n, int cap) {
    for (int d = Math.min(n, cap); d > 1; d--) {
      if (n % d == 0) {
        return d;
      }
    }
    return 1;
  }

  /**
   * The Jacobians {@code J[i][j] = ∂x'_i/∂x_j} of one step of size {@code dt} from each state,
   * by one backward pass: every state is repeated 2n times in the batch, and the gradient of
   * Σ_r x'[r][i(r)] (row r picks component i(r) = r mod 2n) with respect to the batch gives in
   * row r the i(r)-th row of that state's Jacobian — a step must not mix batch rows.
   */
  static double[][][] stepJacobians(
      HamiltonianSystem system, Integrator integrator, double[][] states, double dt) {
    int dim = states[0].length;
    int rows = states.length * dim;
    double[][] batch = new double[rows][];
    double[][] pick = new double[rows][dim];
    for (int r = 0; r < rows; r++) {
      batch[r] = states[r / dim];
      pick[r][r % dim] = 1;
    }
    double[][][] jac = new double[states.length][dim][];
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> next = integrator.step(g, field(g, system), x, g.constant(dt));
      Operand<TFloat64> gradient = g.gradient(g.tf().math.mul(next, g.constant(pick)), x);
      // The step is fetched too: an implicit method's convergence assert hangs on it.
      double[][] grad = g.run(x, batch, List.of(next, gradient)).get(1).rows();
      for (int r = 0; r < rows; r++) {
        jac[r / dim][r % dim] = grad[r];
      }
    }
    return jac;
  }
}

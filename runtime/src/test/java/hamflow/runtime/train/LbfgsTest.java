package hamflow.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hamflow.api.nn.Initializers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** L-BFGS on objectives whose minimum is known exactly. */
class LbfgsTest {
  private static final Lbfgs.Listener NONE = (k, x, v) -> {};

  @Test
  void findsTheRosenbrockMinimum() {
    Lbfgs.Objective rosenbrock = (x, g) -> {
      double a = 1 - x[0];
      double b = x[1] - x[0] * x[0];
      g[0] = -2 * a - 400 * x[0] * b;
      g[1] = 200 * b;
      return a * a + 100 * b * b;
    };
    Lbfgs.Result r = new Lbfgs(10, 1e-12).minimize(rosenbrock, new double[] {-1.2, 1}, 500, NONE);
    assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-8));
    assertThat(r.iterations()).isLessThan(100); // steepest descent needs thousands
  }

  /**
   * A 100-dimensional quadratic with curvatures from 1 to 10⁵ in a random orthogonal basis (the
   * shape of the near-degenerate mode mixing L-BFGS is here for): the error falls by 10⁶ in 2500
   * iterations, where steepest descent would need about 10⁵ for a factor of e, mostly on unit
   * steps, and the accepted values never rise.
   */
  @Test
  void resolvesAnIllConditionedQuadratic() {
    int n = 100;
    double[] flatBasis = Initializers.orthogonal(new SplittableRandom(3), n, n);
    double[][] basis = new double[n][];
    for (int i = 0; i < n; i++) {
      basis[i] = java.util.Arrays.copyOfRange(flatBasis, i * n, (i + 1) * n);
    }
    double[] curvature = new double[n];
    for (int i = 0; i < n; i++) {
      curvature[i] = Math.pow(1e5, i / (n - 1.0));
    }
    Lbfgs.Objective f = (x, g) -> {
      double value = 0;
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i < n; i++) {
        double c = 0;
        for (int j = 0; j < n; j++) {
          c += basis[i][j] * x[j];
        }
        value += 0.5 * curvature[i] * c * c;
        for (int j = 0; j < n; j++) {
          g[j] += curvature[i] * c * basis[i][j];
        }
      }
      return value;
    };
    double[] start = new double[n];
    java.util.Arrays.fill(start, 1);
    List<Double> values = new ArrayList<>();
    Lbfgs.Result r = new Lbfgs(20, 0).minimize(f, start, 2500, (k, x, v) -> values.add(v));
    double error = Math.sqrt(java.util.Arrays.stream(r.x()).map(v -> v * v).sum());
    System.out.println("[lbfgs] ill-conditioned quadratic: error " + error + " after " + r);
    assertThat(error).isLessThan(1e-6 * Math.sqrt(n));
    assertThat(r.evaluations()).isLessThan(3 * r.iterations() / 2);
    for (int i = 1; i < values.size(); i++) {
      assertThat(values.get(i)).isLessThanOrEqualTo(values.get(i - 1));
    }
    assertThat(start).containsOnly(1.0); // the start point is not modified
  }

  @Test
  void stopsAtOnceAtAMinimum() {
    Lbfgs.Objective bowl = (x, g) -> {
      g[0] = 2 * x[0];
      return x[0] * x[0];
    };
    Lbfgs.Result r = new Lbfgs(5, 1e-10).minimize(bowl, new double[] {0}, 100, NONE);
    assertThat(r.iterations()).isZero();
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
    assertThat(r.evaluations()).isEqualTo(1);
  }

  @Test
  void reportsWhenNoStepLowersTheValue() {
    // A gradient that points the wrong way: no step along -g can decrease the value.
    Lbfgs.Objective liar = (x, g) -> {
      g[0] = -1;
      return x[0] * x[0];
    };
    Lbfgs.Result r = new Lbfgs(5, 0).minimize(liar, new double[] {0}, 100, NONE);
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.NO_DECREASE);
    assertThat(r.x()).containsExactly(0.0);
  }

  @Test
  void refusesAnEmptyHistory() {
    assertThatThrownBy(() -> new Lbfgs(0, 0)).hasMessageContaining("history must be at least 1");
  }
}

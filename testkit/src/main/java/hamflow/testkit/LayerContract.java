package hamflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat64;

/**
 * The contract every {@link BijectiveLayer} must meet, in float64, at random inputs and random
 * (perturbed, not identity) weights. A layer's author extends this class and returns the layer
 * from {@link #layer()} (and, optionally, the degrees of freedom, the weights' perturbation and the
 * seed); suites parameterised over many layers call {@link #measure} and
 * {@link #assertContract} directly.
 *
 * <ul>
 *   <li>{@code inverse(forward(x)) = x} and {@code forward(inverse(z)) = z} to {@value #INVERSE};
 *   <li>{@code logDetJacobian} equals {@code log |det J|} of the autodiff Jacobian J to
 *       {@value #LOG_DET} (J in one backward pass over a batch tiled 2n times, block i selecting
 *       output component i: layers must treat the examples of a batch independently);
 *   <li>a layer that declares itself symplectic has {@code JᵀΩJ = Ω} to {@value #OMEGA} and
 *       log-det 0;
 *   <li>the outputs are differentiable in the layer's variables, with finite gradients (a layer
 *       that builds but cannot be trained is caught here, not in a training run).
 * </ul>
 *
 * Tolerances: an exact inverse in closed form loses only float64 round-off over a few dozen
 * operations (~1e-15 relative on O(1) inputs), and JᵀΩJ sums O(n) products of O(1) Jacobian
 * entries; 1e-10 leaves five orders of room and is still far below what a wrong inverse or a
 * non-symplectic map gives (O(1e-2) and more at these weights). The log-det is compared after an
 * LU factorisation of J in Java, a few ulps of log|det J| ~ O(1) with J's condition modest here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one measurement serves every check
public abstract class LayerContract {
  /** Largest round-trip error {@code |inverse(forward(x)) − x|}. */
  public static final double INVERSE = 1e-10;
  /** Largest {@code |logDetJacobian − log|det J||}. */
  public static final double LOG_DET = 1e-8;
  /** Largest {@code |JᵀΩJ − Ω|} (and {@code |logDetJacobian|}) of a symplectic layer. */
  public static final double OMEGA = 1e-10;

  /** The layer under test. */
  protected abstract BijectiveLayer layer();

  /** Degrees of freedom n of the phase space the layer is built for ({@code [batch, 2n]}). */
  protected int degreesOfFreedom() {
    return 3;
  }

  /** Standard deviation of the noise added to every initial weight the layer draws. */
  protected double perturbation() {
    return 0.5;
  }

  /** Seed of the weights and the inputs. */
  protected long seed() {
    return 11;
  }

  private Measurement measured;

  private Measurement measured() {
    if (measured == null) {
      measured = measure(layer(), degreesOfFreedom(), seed(), perturbation());
      System.out.printf("[contract] %s %s%n", getClass().getSimpleName(), measured.summary());
    }
    return measured;
  }

  @Test
  public void inverseUndoesForward() {
    Measurement m = measured();
    assertThat(m.inverseError()).as("max |inverse(forward(x)) - x|, |forward(inverse(z)) - z|")
        .isLessThan(INVERSE);
  }

  @Test
  public void logDetJacobianMatchesTheAutodiffJacobian() {
    Measurement m = measured();
    assertThat(m.logDetError()).as("max |logDetJacobian - log|det J||").isLessThan(LOG_DET);
  }

  @Test
  public void symplecticLayerPreservesTheSymplecticForm() {
    BijectiveLayer layer = layer();
    Assumptions.assumeTrue(layer.symplectic(), "the layer does not declare itself symplectic");
    Measurement m = measured();
    assertThat(m.omegaDefect()).as("max |JᵀΩJ - Ω|").isLessThan(OMEGA);
    assertThat(m.maxAbsLogDet()).as("max |logDetJacobian| of a symplectic layer")
        .isLessThan(OMEGA);
  }

  @Test
  public void trainableWithFiniteGradients() {
    Measurement m = measured();
    assertThat(m.gradientsFinite()).as("gradients with respect to every variable are finite")
        .isTrue();
  }

  /** Asserts all four parts of the contract at once. */
  public static void assertContract(String name, BijectiveLayer layer, Measurement m) {
    assertThat(m.inverseError()).as("%s: inverse round trip", name).isLessThan(INVERSE);
    assertThat(m.logDetError()).as("%s: log-det against autodiff", name).isLessThan(LOG_DET);
    assertThat(m.gradientsFinite()).as("%s: finite gradients in the variables", name).isTrue();
    if (layer.symplectic()) {
      assertThat(m.omegaDefect()).as("%s: JᵀΩJ = Ω", name).isLessThan(OMEGA);
      assertThat(m.maxAbsLogDet()).as("%s: log-det 0", name).isLessThan(OMEGA);
    }
  }

  /** Errors measured on one layer; the Jacobian's log|det| range shows the weights are generic. */
  public record Measurement(double inverseError, double logDetError, double omegaDefect,
      double maxAbsLogDet, boolean gradientsFinite, int variables) {
    /** One line with every measured error, for the test's log. */
    public String summary() {
      return String.format(Locale.ROOT,
          "inverse %.1e  log-det %.1e  |JᵀΩJ-Ω| %.1e  max|logdet| %.2f  vars %d",
          inverseError, logDetError, omegaDefect, maxAbsLogDet, variables);
    }
  }

  private static final int BATCH = 6;

  /**
   * Builds {@code layer} for n degrees of freedom in a fresh float64 graph with perturbed
   * weights and measures every part of the contract on a batch of standard normal inputs.
   */
  public static Measurement measure(BijectiveLayer layer, int n, long seed, double perturbation) {
    int dim = 2 * n;
    double[][] states = new double[BATCH][dim];
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    for (double[] s : states) {
      for (int i = 0; i < dim; i++) {
        s[i] = random.nextGaussian();
      }
    }
    // The Jacobian in one backward pass: block i of a tiled batch selects output component i,
    // so the gradient of the selected sum is row i of J in block i (examples are independent).
    double[][] tiled = new double[dim * BATCH][];
    double[][] select = new double[dim * BATCH][dim];
    for (int i = 0; i < dim; i++) {
      for (int b = 0; b < BATCH; b++) {
        tiled[i * BATCH + b] = states[b];
        select[i * BATCH + b][i] = 1;
      }
    }
    try (TestGraph<TFloat64> g = TestGraph.float64()) {
      Ops tf = g.tf();
      RandomWeights<TFloat64> weights = new RandomWeights<>(g, seed, perturbation);
      BijectiveLayer.Built<TFloat64> built = layer.build(weights, n);
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> y = built.forward(x);
      Operand<TFloat64> back = built.inverse(y);
      Operand<TFloat64> there = built.forward(built.inverse(x));
      Operand<TFloat64> logDet = built.logDetJacobian(x);
      Operand<TFloat64> xs = g.placeholder();
      Operand<TFloat64> selected = tf.math.mul(built.forward(xs), tf.constant(select));
      List<Operand<TFloat64>> fetches =
          new ArrayList<>(List.of(y, back, there, logDet, g.gradient(selected, xs)));
      List<Operand<TFloat64>> variables = new ArrayList<>(weights.operands().values());
      if (!variables.isEmpty()) {
        Operand<TFloat64> objective = tf.math.add(
            tf.math.add(tf.reduceSum(tf.math.square(y), tf.constant(new int[] {0, 1})),
                tf.reduceSum(tf.math.square(built.inverse(x)), tf.constant(new int[] {0, 1}))),
            tf.reduceSum(logDet, tf.constant(0)));
        Gradients grads = tf.gradients(List.of(objective), variables,
            Gradients.dx(List.of(tf.onesLike(objective))));
        for (int k = 0; k < variables.size(); k++) {
          fetches.add(grads.dy(k));
        }
      }
      Map<Operand<TFloat64>, double[][]> feeds = new LinkedHashMap<>();
      feeds.put(x, states);
      feeds.put(xs, tiled);
      List<double[]> out = g.run(feeds, fetches).stream().map(TestGraph.Fetched::values).toList();
      double inverse = 0;
      for (int b = 0; b < BATCH; b++) {
        for (int i = 0; i < dim; i++) {
          inverse = Math.max(inverse, Math.abs(out.get(1)[b * dim + i] - states[b][i]));
          inverse = Math.max(inverse, Math.abs(out.get(2)[b * dim + i] - states[b][i]));
        }
      }
      assertThat(out.get(3)).as("logDetJacobian has shape [batch]").hasSize(BATCH);
      double logDetError = 0;
      double omega = 0;
      double maxLogDet = 0;
      for (int b = 0; b < BATCH; b++) {
        double[][] jac = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
          System.arraycopy(out.get(4), (i * BATCH + b) * dim, jac[i], 0, dim);
        }
        logDetError = Math.max(logDetError, Math.abs(out.get(3)[b] - Numerics.logAbsDet(jac)));
        omega = Math.max(omega, Numerics.omegaDefect(jac));
        maxLogDet = Math.max(maxLogDet, Math.abs(out.get(3)[b]));
      }
      boolean finite = true;
      for (int k = 5; k < out.size(); k++) {
        for (double v : out.get(k)) {
          finite &= Double.isFinite(v);
        }
      }
      return new Measurement(inverse, logDetError, omega, maxLogDet, finite, variables.size());
    }
  }

  /** log|det a| by LU with partial pivoting. */
  public static double logAbsDet(double[][] matrix) {
    return Numerics.logAbsDet(matrix);
  }

  /** max |JᵀΩJ − Ω| with Ω = [[0, I], [−I, 0]]. */
  public static double omegaDefect(double[][] j) {
    return Numerics.omegaDefect(j);
  }
}

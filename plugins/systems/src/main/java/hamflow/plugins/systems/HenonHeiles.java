package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The Hénon–Heiles system {@code H = (px² + py² + x² + y²)/2 + x² y − y³/3}, two degrees of
 * freedom, q = (x, y), p = (px, py). Motion with {@code E < 1/6} that starts inside the triangle
 * bounded by {@code y = −1/2} and {@code y = 1 ± √3 x} (where {@code V = 1/6}) stays inside it.
 */
public final class HenonHeiles implements HamiltonianSystem {

  /** The escape energy: V on the edges of the bounding triangle. */
  public static final double ESCAPE_ENERGY = 1.0 / 6;

  private static final double SQRT3 = Math.sqrt(3);

  /** Parameters of {@code henon-heiles}. */
  public record Parameters(
      @Param(value = "energy E of every sampled state, in (0, 1/6]: (x, y) uniform in the part"
              + " of the bounding triangle where V(x, y) <= E, momentum of random direction"
              + " with |p|^2/2 = E - V(x, y)",
              defaultValue = "0.08333333333333333", min = 0, minExclusive = true,
              max = ESCAPE_ENERGY)
          double energy) {}

  /** Factory for {@code henon-heiles}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "henon-heiles",
          "Henon-Heiles H = (px^2 + py^2 + x^2 + y^2)/2 + x^2 y - y^3/3",
          Parameters.class,
          HenonHeiles::new);

  private final Parameters params;

  public HenonHeiles(Parameters params) {
    this.params = params;
  }

  /** {@code V(x, y) = (x² + y²)/2 + x² y − y³/3}. */
  public static double potential(double x, double y) {
    return 0.5 * (x * x + y * y) + x * x * y - y * y * y / 3;
  }

  /** Whether (x, y) lies strictly inside the triangle {@code y > −1/2, y < 1 − √3|x|}. */
  public static boolean insideTriangle(double x, double y) {
    return y > -0.5 && y < 1 - SQRT3 * Math.abs(x);
  }

  @Override
  public int degreesOfFreedom() {
    return 2;
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> q = g.positions(x, 2);
    Operand<T> quadratic =
        tf.math.mul(g.constant(0.5), tf.sum(tf.math.square(x), tf.constant(1)));
    Operand<T> qx = column(g, q, 0);
    Operand<T> qy = column(g, q, 1);
    // x² y − y³/3 = y (x² − y²/3)
    Operand<T> cubic =
        tf.math.mul(
            qy,
            tf.math.sub(
                tf.math.square(qx), tf.math.mul(g.constant(1.0 / 3), tf.math.square(qy))));
    return tf.math.add(quadratic, cubic);
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    Operand<T> q = g.positions(x, 2);
    Operand<T> qx = slice(g, q, 0);
    Operand<T> qy = slice(g, q, 1);
    // ∂H/∂x = x + 2xy = x (1 + 2y);  ∂H/∂y = y + x² − y²
    Operand<T> dx = tf.math.mul(qx, tf.math.add(g.constant(1.0), tf.math.mul(g.constant(2.0), qy)));
    Operand<T> dy = tf.math.add(qy, tf.math.sub(tf.math.square(qx), tf.math.square(qy)));
    return Optional.of(
        g.phaseSpace(tf.concat(java.util.List.of(dx, dy), tf.constant(1)), g.momenta(x, 2)));
  }

  /** Column {@code i} of {@code [batch, m]} as {@code [batch, 1]}. */
  private static <T extends TFloating> Operand<T> slice(GraphContext<T> g, Operand<T> a, int i) {
    return g.tf().slice(a, g.tf().constant(new int[] {0, i}), g.tf().constant(new int[] {-1, 1}));
  }

  /** Column {@code i} of {@code [batch, m]} as {@code [batch]}. */
  private static <T extends TFloating> Operand<T> column(GraphContext<T> g, Operand<T> a, int i) {
    return g.tf().reshape(slice(g, a, i), g.tf().constant(new int[] {-1}));
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double energy = params.energy();
    // Inside the triangle (circumradius 1), r ≤ 1 and V ≥ r²/2 − r³/3 ≥ r²/6, so V ≤ E implies
    // r ≤ √(6E): drawing (x, y) uniformly in that disc and rejecting keeps acceptance ≳ 1/3.
    double radius = Math.min(1.0, Math.sqrt(6 * energy));
    for (int attempt = 0; attempt < 1_000_000; attempt++) {
      double r = radius * Math.sqrt(random.nextDouble());
      double phi = 2 * Math.PI * random.nextDouble();
      double x = r * Math.cos(phi);
      double y = r * Math.sin(phi);
      if (!insideTriangle(x, y)) {
        continue;
      }
      double kinetic = energy - potential(x, y);
      if (kinetic < 0) {
        continue;
      }
      double speed = Math.sqrt(2 * kinetic);
      double theta = 2 * Math.PI * random.nextDouble();
      return new double[] {x, y, speed * Math.cos(theta), speed * Math.sin(theta)};
    }
    throw new IllegalStateException("no Henon-Heiles state found with energy " + energy);
  }
}

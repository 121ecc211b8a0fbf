package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.family.TFloating;

/**
 * The planar double pendulum: bob m₁ on a massless rod l₁ from a fixed pivot, bob m₂ on a rod l₂
 * from m₁, gravity g. Coordinates are the angles q₁, q₂ of the rods from the downward vertical,
 * momenta their conjugates p₁, p₂ (angular momenta of the Lagrangian, not the bobs' velocities):
 *
 * <pre>
 *   H = (m₂ l₂² p₁² + (m₁+m₂) l₁² p₂² − 2 m₂ l₁ l₂ p₁ p₂ cos(q₁−q₂))
 *       / (2 m₂ l₁² l₂² (m₁ + m₂ sin²(q₁−q₂)))
 *       − (m₁+m₂) g l₁ cos q₁ − m₂ g l₂ cos q₂
 * </pre>
 *
 * <p>The kinetic term depends on q₁ − q₂, so H is not separable: explicit splitting methods do
 * not apply (use {@code rk4}, or an implicit symplectic method). The gradient has a closed
 * form. Near the bottom the small-oscillation frequencies for {@code m₁ = m₂, l₁ = l₂ = l} are
 * {@code ω² = (2 ∓ √2) g/l}.
 */
public final class DoublePendulum implements HamiltonianSystem {

  /** Parameters of {@code double-pendulum}. */
  public record Parameters(
      @Param(value = "mass m1 of the inner bob", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double mass1,
      @Param(value = "mass m2 of the outer bob", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double mass2,
      @Param(value = "length l1 of the inner rod", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double length1,
      @Param(value = "length l2 of the outer rod", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double length2,
      @Param(value = "gravitational acceleration g", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double gravity,
      @Param(value = "largest |angle| of a sampled state, in radians: q1 and q2 uniform in"
              + " [-angle-max, angle-max]",
              defaultValue = "1.0", min = 0)
          double angleMax,
      @Param(value = "largest |momentum| of a sampled state: p1 and p2 uniform in"
              + " [-momentum-max, momentum-max]",
              defaultValue = "0.5", min = 0)
          double momentumMax) {}

  /** Factory for {@code double-pendulum}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "double-pendulum",
          "planar double pendulum in angles and conjugate momenta (not separable)",
          Parameters.class,
          DoublePendulum::new);

  private final Parameters params;

  public DoublePendulum(Parameters params) {
    this.params = params;
  }

  /** H of one state {@code (q₁, q₂, p₁, p₂)} in plain Java: the documented formula. */
  public double energy(double[] x) {
    double m1 = params.mass1();
    double m2 = params.mass2();
    double l1 = params.length1();
    double l2 = params.length2();
    double delta = x[0] - x[1];
    double sin = Math.sin(delta);
    double numerator = m2 * l2 * l2 * x[2] * x[2] + (m1 + m2) * l1 * l1 * x[3] * x[3]
        - 2 * m2 * l1 * l2 * x[2] * x[3] * Math.cos(delta);
    double denominator = 2 * m2 * l1 * l1 * l2 * l2 * (m1 + m2 * sin * sin);
    return numerator / denominator - (m1 + m2) * params.gravity() * l1 * Math.cos(x[0])
        - m2 * params.gravity() * l2 * Math.cos(x[1]);
  }

  @Override
  public int degreesOfFreedom() {
    return 2;
  }

  @Override
  public boolean separable() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    double m1 = params.mass1();
    double m2 = params.mass2();
    double l1 = params.length1();
    double l2 = params.length2();
    double gravity = params.gravity();
    Operand<T> q1 = SystemOps.column(g, x, 0);
    Operand<T> q2 = SystemOps.column(g, x, 1);
    Operand<T> p1 = SystemOps.column(g, x, 2);
    Operand<T> p2 = SystemOps.column(g, x, 3);
    Operand<T> delta = tf.math.sub(q1, q2);
    Operand<T> numerator = kineticNumerator(g, p1, p2, tf.math.cos(delta));
    Operand<T> denominator =
        SystemOps.scale(g, 2 * m2 * l1 * l1 * l2 * l2,
            tf.math.add(g.constant(m1),
                SystemOps.scale(g, m2, tf.math.square(tf.math.sin(delta)))));
    Operand<T> potential =
        tf.math.add(
            SystemOps.scale(g, (m1 + m2) * gravity * l1, tf.math.cos(q1)),
            SystemOps.scale(g, m2 * gravity * l2, tf.math.cos(q2)));
    return tf.math.sub(tf.math.div(numerator, denominator), potential);
  }

  /**
   * The numerator N of the kinetic term {@code T = N / (2 m₂ l₁² l₂² s)}:
   * {@code N = m₂l₂²p₁² + (m₁+m₂)l₁²p₂² − 2m₂l₁l₂ p₁p₂ cos Δ}, shared by H and its gradient.
   */
  private <T extends TFloating> Operand<T> kineticNumerator(GraphContext<T> g, Operand<T> p1,
      Operand<T> p2, Operand<T> cos) {
    Ops tf = g.tf();
    double m1 = params.mass1();
    double m2 = params.mass2();
    double l1 = params.length1();
    double l2 = params.length2();
    return tf.math.sub(
        tf.math.add(
            SystemOps.scale(g, m2 * l2 * l2, tf.math.square(p1)),
            SystemOps.scale(g, (m1 + m2) * l1 * l1, tf.math.square(p2))),
        SystemOps.scale(g, 2 * m2 * l1 * l2, tf.math.mul(tf.math.mul(p1, p2), cos)));
  }

  /**
   * With {@code Δ = q₁ − q₂}, {@code s = m₁ + m₂ sin²Δ} and N the numerator of the kinetic term:
   * {@code ∂H/∂p₁ = (l₂p₁ − l₁p₂ cos Δ)/(l₁²l₂ s)},
   * {@code ∂H/∂p₂ = ((m₁+m₂)l₁p₂ − m₂l₂p₁ cos Δ)/(m₂l₁l₂² s)}, and
   * {@code ∂H/∂q₁ = (m₁+m₂)gl₁ sin q₁ + C}, {@code ∂H/∂q₂ = m₂gl₂ sin q₂ − C} with
   * {@code C = ∂T/∂Δ = p₁p₂ sin Δ/(l₁l₂ s) − N sin 2Δ/(2l₁²l₂² s²)}.
   */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    double m1 = params.mass1();
    double m2 = params.mass2();
    double l1 = params.length1();
    double l2 = params.length2();
    double gravity = params.gravity();
    Operand<T> q1 = SystemOps.column(g, x, 0);
    Operand<T> q2 = SystemOps.column(g, x, 1);
    Operand<T> p1 = SystemOps.column(g, x, 2);
    Operand<T> p2 = SystemOps.column(g, x, 3);
    Operand<T> delta = tf.math.sub(q1, q2);
    Operand<T> cos = tf.math.cos(delta);
    Operand<T> sin = tf.math.sin(delta);
    Operand<T> s = tf.math.add(g.constant(m1), SystemOps.scale(g, m2, tf.math.square(sin)));
    Operand<T> numerator = kineticNumerator(g, p1, p2, cos);
    Operand<T> dp1 = tf.math.div(
        tf.math.sub(SystemOps.scale(g, l2, p1), SystemOps.scale(g, l1, tf.math.mul(p2, cos))),
        SystemOps.scale(g, l1 * l1 * l2, s));
    Operand<T> dp2 = tf.math.div(
        tf.math.sub(SystemOps.scale(g, (m1 + m2) * l1, p2),
            SystemOps.scale(g, m2 * l2, tf.math.mul(p1, cos))),
        SystemOps.scale(g, m2 * l1 * l2 * l2, s));
    Operand<T> c1 = tf.math.div(
        tf.math.mul(tf.math.mul(p1, p2), sin), SystemOps.scale(g, l1 * l2, s));
    Operand<T> c2 = tf.math.div(
        tf.math.mul(numerator, tf.math.sin(SystemOps.scale(g, 2, delta))),
        SystemOps.scale(g, 2 * l1 * l1 * l2 * l2, tf.math.square(s)));
    Operand<T> c = tf.math.sub(c1, c2);
    Operand<T> dq1 =
        tf.math.add(SystemOps.scale(g, (m1 + m2) * gravity * l1, tf.math.sin(q1)), c);
    Operand<T> dq2 = tf.math.sub(SystemOps.scale(g, m2 * gravity * l2, tf.math.sin(q2)), c);
    return Optional.of(tf.stack(List.of(dq1, dq2, dp1, dp2), Stack.axis(1L)));
  }

  /** q₁, q₂ uniform in [−angle-max, angle-max], then p₁, p₂ uniform in [−momentum-max, …]. */
  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double[] state = new double[4];
    for (int i = 0; i < 4; i++) {
      double max = i < 2 ? params.angleMax() : params.momentumMax();
      state[i] = max * (2 * random.nextDouble() - 1);
    }
    return state;
  }
}

package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Three gravitating point masses in the plane,
 * {@code H = Σᵢ |pᵢ|²/2mᵢ − Σ_{i<j} G mᵢ mⱼ/|qᵢ − qⱼ|}, state
 * {@code (x₁, y₁, x₂, y₂, x₃, y₃, px₁, py₁, …, py₃)}. Conserved besides H: the total momentum
 * ({@code momentum-x}, {@code momentum-y}) and the angular momentum {@code Σ xᵢ pyᵢ − yᵢ pxᵢ}.
 * Pair distances² are floored at {@value Kepler#R2_FLOOR} as in {@link Kepler}.
 *
 * <p>The sampler follows Greydanus, Dzamba &amp; Yosinski, <i>Hamiltonian Neural Networks</i>
 * (2019), {@code experiment-3body/data.py}, {@code random_config}: a direction from a point
 * uniform in the square [−1, 1]², a radius r uniform in [orbit-radius-min, orbit-radius-max]
 * (their 0.9, 1.2), body 1 at distance r in that direction and bodies 2 and 3 rotated by 120°
 * and 240°; velocities of the rigidly rotating equilateral (Lagrange) solution,
 * {@code vᵢ = Ω ẑ × qᵢ} with {@code Ω² = G M/s³}, side {@code s = √3 r}, M the total mass; then
 * every velocity component is multiplied by its own {@code 1 + velocity-noise·u}, u uniform in
 * [−1, 1] (their {@code nu}, default 0.2). Draws in that order: the square point (2), r (1), the
 * noise of body 1, 2, 3 (2 each). For their units (G = 1, unit masses) {@code Ω = r^{−3/2}
 * (sin(π/3)/(2cos²(π/6)))^{1/2}}, their velocities to rounding; for unequal masses the triangle
 * is shifted so its centre of mass is at the origin before the velocities are set. The noise
 * makes the total momentum non-zero, so the centre of mass drifts, as in their data.
 */
public final class ThreeBody implements HamiltonianSystem {

  /** Parameters of {@code three-body}. */
  public record Parameters(
      @Param(value = "gravitational constant G", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double gravitationalConstant,
      @Param(value = "mass m1 of body 1", defaultValue = "1.0", min = 0, minExclusive = true)
          double mass1,
      @Param(value = "mass m2 of body 2", defaultValue = "1.0", min = 0, minExclusive = true)
          double mass2,
      @Param(value = "mass m3 of body 3", defaultValue = "1.0", min = 0, minExclusive = true)
          double mass3,
      @Param(value = "smallest distance r of the sampled bodies from the origin (the"
              + " circumradius of their triangle; Greydanus' min_radius)",
              defaultValue = "0.9", min = 0, minExclusive = true)
          double orbitRadiusMin,
      @Param(value = "largest distance r of the sampled bodies from the origin (Greydanus'"
              + " max_radius); r uniform in [min, max]",
              defaultValue = "1.2", min = 0, minExclusive = true)
          double orbitRadiusMax,
      @Param(value = "relative noise of each velocity component: multiplied by"
              + " 1 + velocity-noise * U[-1, 1] (Greydanus' nu)",
              defaultValue = "0.2", min = 0)
          double velocityNoise) {
    public Parameters {
      OrbitRadii.checkRange(orbitRadiusMin, orbitRadiusMax);
    }
  }

  /** Factory for {@code three-body}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "three-body",
          "three gravitating bodies in the plane, H = sum |p_i|^2/2m_i - sum G m_i m_j/r_ij"
              + " (Greydanus' sampler)",
          Parameters.class,
          ThreeBody::new);

  private final Parameters params;
  private final Gravitation gravitation;

  public ThreeBody(Parameters params) {
    this.params = params;
    this.gravitation = new Gravitation(
        params.gravitationalConstant(), params.mass1(), params.mass2(), params.mass3());
  }

  /**
   * The angular velocity {@code Ω = √(G M/s³)}, {@code s = √3 r}, of the equilateral solution
   * of circumradius r (before noise).
   */
  public double angularVelocity(double radius) {
    double total = params.mass1() + params.mass2() + params.mass3();
    double side = Math.sqrt(3) * radius;
    return Math.sqrt(params.gravitationalConstant() * total / (side * side * side));
  }

  @Override
  public int degreesOfFreedom() {
    return 6;
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    return gravitation.hamiltonian(g, x);
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    return gravitation.gradient(g, x);
  }

  /** {@code momentum-x}, {@code momentum-y}, {@code angular-momentum}. */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    return gravitation.conservedQuantities();
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double[] direction = {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
    double r = OrbitRadii.draw(random, params.orbitRadiusMin(), params.orbitRadiusMax());
    double norm = Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1]);
    double[][] q = new double[3][];
    q[0] = new double[] {direction[0] * (r / norm), direction[1] * (r / norm)};
    q[1] = Gravitation.rotate(q[0], 2 * Math.PI / 3);
    q[2] = Gravitation.rotate(q[1], 2 * Math.PI / 3);
    double[] m = {params.mass1(), params.mass2(), params.mass3()};
    double total = m[0] + m[1] + m[2];
    double[] centre = new double[2];
    for (int i = 0; i < 3; i++) {
      for (int a = 0; a < 2; a++) {
        centre[a] += m[i] * q[i][a] / total;
      }
    }
    boolean equal = m[0] == m[1] && m[1] == m[2];
    double omega = angularVelocity(r);
    double[] state = new double[12];
    for (int i = 0; i < 3; i++) {
      if (!equal) {
        // Equal masses: the centre is the origin up to rounding; leave their triangle as is.
        q[i] = new double[] {q[i][0] - centre[0], q[i][1] - centre[1]};
      }
      double[] v = Gravitation.rotate(q[i], Math.PI / 2);
      for (int a = 0; a < 2; a++) {
        double noise = 1 + params.velocityNoise() * (2 * random.nextDouble() - 1);
        state[2 * i + a] = q[i][a];
        state[6 + 2 * i + a] = m[i] * v[a] * omega * noise;
      }
    }
    return state;
  }
}

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
 * Two gravitating point masses in the plane,
 * {@code H = |p₁|²/2m₁ + |p₂|²/2m₂ − G m₁ m₂/|q₁ − q₂|}, state
 * {@code (x₁, y₁, x₂, y₂, px₁, py₁, px₂, py₂)}. Conserved besides H: the total momentum
 * ({@code momentum-x}, {@code momentum-y}) and the angular momentum
 * {@code Σ xᵢ pyᵢ − yᵢ pxᵢ}. The relative coordinate {@code q₁ − q₂} moves on a Kepler conic of
 * {@code μ = G(m₁ + m₂)}; the centre of mass moves uniformly. {@code |q₁ − q₂|²} is floored at
 * {@value Kepler#R2_FLOOR} as in {@link Kepler}.
 *
 * <p>The sampler follows the "orbits" data of Greydanus, Dzamba &amp; Yosinski, <i>Hamiltonian
 * Neural Networks</i> (2019), {@code experiment-2body/data.py}, {@code random_config}: a vector
 * {@code r} with both components uniform in [orbit-radius-min, orbit-radius-max] (their
 * {@code min_radius}, {@code max_radius} bound each Cartesian component, so the distance of a
 * body from the origin is {@code |r| ∈ [√2·min, √2·max]} and r lies in the first quadrant); body
 * 1 at r and body 2 at −r; velocities perpendicular to r, counter-clockwise, of the circular
 * orbit, all scaled by one factor {@code 1 + velocity-noise·ξ}, ξ standard normal (draws in
 * that order: r_x, r_y, ξ). For their units (G = m₁ = m₂ = 1) body 1 gets
 * {@code v = (−r_y, r_x)/(2|r|^{3/2})} and body 2 −v, their state to rounding; their canonical
 * coordinates order the same numbers as {@code (x₁, x₂, y₁, y₂, px₁, …)}. For other masses the
 * separation {@code 2r} and the circular relative speed {@code √(G(m₁+m₂)/2|r|)} are kept and
 * split about the centre of mass: {@code q₁ = 2r m₂/M}, {@code q₂ = −2r m₁/M}, so the centre of
 * mass is at rest at the origin. Eccentricity {@code e = |(1 + velocity-noise·ξ)² − 1|}.
 */
public final class TwoBody implements HamiltonianSystem {

  /** Parameters of {@code two-body}. */
  public record Parameters(
      @Param(value = "gravitational constant G", defaultValue = "1.0", min = 0,
              minExclusive = true)
          double gravitationalConstant,
      @Param(value = "mass m1 of body 1", defaultValue = "1.0", min = 0, minExclusive = true)
          double mass1,
      @Param(value = "mass m2 of body 2", defaultValue = "1.0", min = 0, minExclusive = true)
          double mass2,
      @Param(value = "smallest value of each component of body 1's sampled position r"
              + " (Greydanus' min_radius); body 2 starts at -r",
              defaultValue = "0.5", min = 0, minExclusive = true)
          double orbitRadiusMin,
      @Param(value = "largest value of each component of body 1's sampled position r"
              + " (Greydanus' max_radius)",
              defaultValue = "1.5", min = 0, minExclusive = true)
          double orbitRadiusMax,
      @Param(value = "relative noise of the circular-orbit velocities: both scaled by"
              + " 1 + velocity-noise * N(0, 1) (Greydanus' orbit_noise)",
              defaultValue = "0.05", min = 0)
          double velocityNoise) {
    public Parameters {
      OrbitRadii.checkRange(orbitRadiusMin, orbitRadiusMax);
    }
  }

  /** Factory for {@code two-body}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "two-body",
          "two gravitating bodies in the plane, H = sum |p_i|^2/2m_i - G m1 m2/|q1 - q2|"
              + " (Greydanus' orbits sampler)",
          Parameters.class,
          TwoBody::new);

  private final Parameters params;
  private final Gravitation gravitation;

  public TwoBody(Parameters params) {
    this.params = params;
    this.gravitation =
        new Gravitation(params.gravitationalConstant(), params.mass1(), params.mass2());
  }

  @Override
  public int degreesOfFreedom() {
    return 4;
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
    double min = params.orbitRadiusMin();
    double max = params.orbitRadiusMax();
    double[] r = {OrbitRadii.draw(random, min, max), OrbitRadii.draw(random, min, max)};
    double radius = Math.sqrt(r[0] * r[0] + r[1] * r[1]);
    double m1 = params.mass1();
    double m2 = params.mass2();
    double total = m1 + m2;
    // Relative speed of the circular orbit of separation 2|r|; (−r_y, r_x)/|r| is its direction.
    double speed = Math.sqrt(params.gravitationalConstant() * total / (2 * radius));
    double factor = 1 + params.velocityNoise() * random.nextGaussian();
    double[] direction = {-r[1] / radius, r[0] / radius};
    double[] state = new double[8];
    for (int a = 0; a < 2; a++) {
      double v = speed * direction[a] * factor;
      state[a] = 2 * r[a] * m2 / total;
      state[2 + a] = -2 * r[a] * m1 / total;
      state[4 + a] = m1 * v * m2 / total;
      state[6 + a] = -m2 * v * m1 / total;
    }
    return state;
  }
}

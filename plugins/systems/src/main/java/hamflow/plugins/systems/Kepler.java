package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The Kepler problem {@code H = |p|²/2 + k/|q|} in d = 2 or 3 dimensions (unit mass; attractive
 * for k < 0). Besides H it conserves the angular momentum {@code L = q × p} (a scalar
 * {@code q_x p_y − q_y p_x} in 2-D) and the Laplace–Runge–Lenz vector
 * {@code A = p × L + k q/|q|} (in 2-D {@code A = (p_y L, −p_x L) + k q/|q|}), which points to
 * the pericentre with {@code |A| = |k| e}; {@code A·L = 0} and {@code |A|² = k² + 2H|L|²}.
 *
 * <p>To keep the collision point {@code q = 0} finite, {@code |q|²} is floored at
 * {@value #R2_FLOOR} (|q| ≥ 1e-12) in H, its gradient and the invariants; nothing else changes.
 */
public final class Kepler implements HamiltonianSystem {

  /** Floor of {@code |q|²}: representable in float32, whose {@code (1/r)³ = 1e36} still fits. */
  static final double R2_FLOOR = 1e-24;

  /** Parameters of {@code kepler}. */
  public record Parameters(
      @Param(value = "dimension d of q and p (2 or 3)", defaultValue = "2", min = 2, max = 3)
          int dimension,
      @Param(value = "strength k of the potential k/|q|: attractive (bound orbits) for k < 0;"
              + " must not be 0",
              defaultValue = "-1.0")
          double k,
      @Param(value = "semi-major axis a of sampled orbits (energy -|k|/2a for k < 0; for k > 0"
              + " the energy k/2a of a repulsive hyperbola)",
              defaultValue = "1.0", min = 0, minExclusive = true)
          double semiMajorAxis,
      @Param(value = "smallest eccentricity e of sampled orbits (e uniform in [min, max]; for"
              + " k > 0 the hyperbola has eccentricity 1 + e)",
              defaultValue = "0.0", min = 0, max = 1, maxExclusive = true)
          double eccentricityMin,
      @Param(value = "largest eccentricity of sampled orbits; each orbit starts at a mean anomaly"
              + " uniform in [0, 2pi) (for k > 0: at its pericentre) and is rotated uniformly"
              + " at random, reflections included in 2-D",
              defaultValue = "0.5", min = 0, max = 1, maxExclusive = true)
          double eccentricityMax,
      @Param(value = "largest inclination, in radians, of the orbit normal L to the z axis in 3-D:"
              + " below pi the normals are uniform on that cap (cos i uniform), node and pericentre"
              + " uniform, every orbit prograde about z; pi (the default) rotates uniformly",
              defaultValue = "3.141592653589793", min = 0, max = Math.PI)
          double inclinationMax) {
    public Parameters {
      if (k == 0) {
        throw new IllegalArgumentException(
            "k must not be 0: H = |p|^2/2 + k/|q| is then a free particle with no orbits to sample;"
                + " use k < 0 for an attractive centre, k > 0 for a repulsive one");
      }
      if (eccentricityMax < eccentricityMin) {
        throw new IllegalArgumentException("eccentricity-max (" + eccentricityMax
            + ") must not be below eccentricity-min (" + eccentricityMin + ")");
      }
      if (dimension == 2 && inclinationMax < Math.PI) {
        throw new IllegalArgumentException("inclination-max (" + inclinationMax
            + ") applies to 3-D orbits only; a 2-D orbit has no inclination (dimension is 2)");
      }
    }

    /** The 2- and 3-D sampler of earlier versions: uniform rotations, all inclinations. */
    public Parameters(int dimension, double k, double semiMajorAxis, double eccentricityMin,
        double eccentricityMax) {
      this(dimension, k, semiMajorAxis, eccentricityMin, eccentricityMax, Math.PI);
    }
  }

  /** Factory for {@code kepler}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "kepler",
          "Kepler problem H = |p|^2/2 + k/|q| in 2 or 3 dimensions, with L and the LRL vector",
          Parameters.class,
          Kepler::new);

  private final Parameters params;

  public Kepler(Parameters params) {
    this.params = params;
  }

  /** The period {@code 2π a^{3/2}/√|k|} of the bound orbits of the sampler (k < 0). */
  public double period() {
    return 2 * Math.PI * Math.pow(params.semiMajorAxis(), 1.5) / Math.sqrt(Math.abs(params.k()));
  }

  @Override
  public int degreesOfFreedom() {
    return params.dimension();
  }

  @Override
  public boolean separable() {
    return true;
  }

  /** {@code 1/|q|} with {@code |q|²} floored at {@link #R2_FLOOR}, shape {@code [batch]}. */
  private <T extends TFloating> Operand<T> inverseRadius(GraphContext<T> g, Operand<T> r2) {
    return g.tf().math.rsqrt(g.tf().math.maximum(r2, g.constant(R2_FLOOR)));
  }

  private <T extends TFloating> Operand<T> radiusSquared(GraphContext<T> g, Operand<T> x) {
    return g.tf().sum(g.tf().math.square(g.positions(x, params.dimension())), g.tf().constant(1));
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int d = params.dimension();
    Operand<T> kinetic =
        tf.math.mul(g.constant(0.5), tf.sum(tf.math.square(g.momenta(x, d)), tf.constant(1)));
    Operand<T> potential =
        tf.math.mul(g.constant(params.k()), inverseRadius(g, radiusSquared(g, x)));
    return tf.math.add(kinetic, potential);
  }

  /**
   * {@code ∂H/∂q = −k q/|q|³}, {@code ∂H/∂p = p}. With {@code y = 1/|q|} it is evaluated as
   * {@code (−k y³/2)·(2q)}, in the order TF's autodiff of H multiplies the same factors, so the
   * two agree to the last bit even where |∇H| is huge (|q| ≈ 1e-7); below the floor it is 0.
   */
  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int d = params.dimension();
    Operand<T> q = g.positions(x, d);
    Operand<T> r2 = radiusSquared(g, x);
    Operand<T> y = inverseRadius(g, r2);
    Operand<T> dVdr2 =
        tf.math.mul(
            tf.math.mul(g.constant(-0.5), tf.math.mul(g.constant(params.k()), y)),
            tf.math.mul(y, y));
    dVdr2 = tf.select(tf.math.greaterEqual(r2, g.constant(R2_FLOOR)), dVdr2, tf.zerosLike(dVdr2));
    Operand<T> dq =
        tf.math.mul(tf.expandDims(dVdr2, tf.constant(1)), tf.math.mul(g.constant(2.0), q));
    return Optional.of(g.phaseSpace(dq, g.momenta(x, d)));
  }

  /** Angular momentum components then LRL components, each {@code [batch]}. */
  private <T extends TFloating> List<Operand<T>> invariants(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int d = params.dimension();
    List<Operand<T>> c = new ArrayList<>();
    for (int i = 0; i < 2 * d; i++) {
      c.add(tf.reshape(
          tf.slice(x, tf.constant(new int[] {0, i}), tf.constant(new int[] {-1, 1})),
          tf.constant(new int[] {-1})));
    }
    Operand<T> kOverR = tf.math.mul(g.constant(params.k()), inverseRadius(g, radiusSquared(g, x)));
    List<Operand<T>> out = new ArrayList<>();
    if (d == 2) {
      Operand<T> qx = c.get(0);
      Operand<T> qy = c.get(1);
      Operand<T> px = c.get(2);
      Operand<T> py = c.get(3);
      Operand<T> l = tf.math.sub(tf.math.mul(qx, py), tf.math.mul(qy, px));
      out.add(l);
      out.add(tf.math.add(tf.math.mul(py, l), tf.math.mul(kOverR, qx)));
      out.add(tf.math.sub(tf.math.mul(kOverR, qy), tf.math.mul(px, l)));
    } else {
      List<Operand<T>> q = c.subList(0, 3);
      List<Operand<T>> p = c.subList(3, 6);
      List<Operand<T>> l = cross(tf, q, p);
      List<Operand<T>> pxl = cross(tf, p, l);
      out.addAll(l);
      for (int i = 0; i < 3; i++) {
        out.add(tf.math.add(pxl.get(i), tf.math.mul(kOverR, q.get(i))));
      }
    }
    return out;
  }

  private static <T extends TFloating> List<Operand<T>> cross(
      Ops tf, List<Operand<T>> a, List<Operand<T>> b) {
    List<Operand<T>> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int j = (i + 1) % 3;
      int k = (i + 2) % 3;
      out.add(tf.math.sub(tf.math.mul(a.get(j), b.get(k)), tf.math.mul(a.get(k), b.get(j))));
    }
    return out;
  }

  /**
   * 2-D: {@code angular-momentum}, {@code lrl-x}, {@code lrl-y}; 3-D: {@code angular-momentum-x},
   * {@code -y}, {@code -z}, {@code lrl-x}, {@code lrl-y}, {@code lrl-z}.
   */
  @Override
  public List<ConservedQuantity> conservedQuantities() {
    List<String> names = params.dimension() == 2
        ? List.of("angular-momentum", "lrl-x", "lrl-y")
        : List.of("angular-momentum-x", "angular-momentum-y", "angular-momentum-z",
            "lrl-x", "lrl-y", "lrl-z");
    List<ConservedQuantity> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(new Invariant(names.get(i), i));
    }
    return List.copyOf(out);
  }

  private final class Invariant implements ConservedQuantity {
    private final String name;
    private final int index;

    Invariant(String name, int index) {
      this.name = name;
      this.index = index;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public <T extends TFloating> Operand<T> evaluate(GraphContext<T> g, Operand<T> x) {
      return invariants(g, x).get(index);
    }
  }

  /**
   * For k < 0 a point of a bound orbit: eccentricity e uniform in [eccentricity-min,
   * eccentricity-max], semi-major axis a, mean anomaly uniform; for k > 0 the pericentre of a
   * repulsive hyperbola of energy k/2a and eccentricity 1 + e. The orbit plane is then rotated
   * uniformly (2-D: a random angle and a random reflection; 3-D: a uniform random rotation), or
   * in 3-D with {@code inclination-max} below π onto a cap of prograde orbit normals.
   */
  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    double a = params.semiMajorAxis();
    double mu = Math.abs(params.k());
    double e = params.eccentricityMin()
        + (params.eccentricityMax() - params.eccentricityMin()) * random.nextDouble();
    double[] q;
    double[] p;
    if (params.k() < 0) {
      double mean = 2 * Math.PI * random.nextDouble();
      double ecc = eccentricAnomaly(mean, e);
      double cos = Math.cos(ecc);
      double sin = Math.sin(ecc);
      double root = Math.sqrt(1 - e * e);
      double r = a * (1 - e * cos);
      double v = Math.sqrt(mu * a) / r;
      q = new double[] {a * (cos - e), a * root * sin, 0};
      p = new double[] {-v * sin, v * root * cos, 0};
    } else {
      double eh = 1 + e;
      double rp = a * (eh + 1);
      double v = Math.sqrt(mu / a * (eh - 1) / (eh + 1));
      q = new double[] {rp, 0, 0};
      p = new double[] {0, v, 0};
    }
    boolean capped = params.inclinationMax() < Math.PI;
    if (!capped && random.nextBoolean()) {
      q[1] = -q[1];
      p[1] = -p[1];
    }
    double[][] rot = params.dimension() == 2 ? rotation2(random)
        : capped ? cappedRotation(random, params.inclinationMax()) : rotation3(random);
    int d = params.dimension();
    double[] state = new double[2 * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        state[i] += rot[i][j] * q[j];
        state[d + i] += rot[i][j] * p[j];
      }
    }
    return state;
  }

  /** Solves Kepler's equation {@code E − e sin E = M} by Newton's method (e < 1). */
  static double eccentricAnomaly(double mean, double e) {
    double ecc = e < 0.8 ? mean : Math.PI;
    for (int i = 0; i < 100; i++) {
      double step = (ecc - e * Math.sin(ecc) - mean) / (1 - e * Math.cos(ecc));
      ecc -= step;
      if (Math.abs(step) < 1e-15) {
        break;
      }
    }
    return ecc;
  }

  private static double[][] rotation2(RandomGenerator random) {
    double t = 2 * Math.PI * random.nextDouble();
    return new double[][] {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}};
  }

  /**
   * {@code Rz(Ω) Rx(i) Rz(ω)}: takes the orbit's normal +z to inclination i, with cos i uniform
   * in [cos imax, 1] (normals uniform on the cap) and Ω, ω uniform — for imax = π this is a
   * uniform rotation, but the default keeps the quaternion sampler of earlier versions.
   */
  private static double[][] cappedRotation(RandomGenerator random, double inclinationMax) {
    double cosI = 1 - (1 - Math.cos(inclinationMax)) * random.nextDouble();
    double sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
    double node = 2 * Math.PI * random.nextDouble();
    double peri = 2 * Math.PI * random.nextDouble();
    double[][] rx = {{1, 0, 0}, {0, cosI, -sinI}, {0, sinI, cosI}};
    return multiply(rotationZ(node), multiply(rx, rotationZ(peri)));
  }

  private static double[][] rotationZ(double angle) {
    return new double[][] {
      {Math.cos(angle), -Math.sin(angle), 0}, {Math.sin(angle), Math.cos(angle), 0}, {0, 0, 1}};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int l = 0; l < 3; l++) {
          c[i][j] += a[i][l] * b[l][j];
        }
      }
    }
    return c;
  }

  /** A uniform random rotation from a uniform unit quaternion (Shoemake). */
  private static double[][] rotation3(RandomGenerator random) {
    double u1 = random.nextDouble();
    double u2 = 2 * Math.PI * random.nextDouble();
    double u3 = 2 * Math.PI * random.nextDouble();
    double w = Math.sqrt(1 - u1) * Math.sin(u2);
    double x = Math.sqrt(1 - u1) * Math.cos(u2);
    double y = Math.sqrt(u1) * Math.sin(u3);
    double z = Math.sqrt(u1) * Math.cos(u3);
    return new double[][] {
      {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
      {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
      {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}
    };
  }
}

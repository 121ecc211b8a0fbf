package hamflow.plugins.systems;

import hamflow.api.system.ConservedQuantity;
import hamflow.api.tf.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Newtonian gravity of N point masses in the plane, shared by {@code two-body} and
 * {@code three-body}: {@code H = Σᵢ |pᵢ|²/2mᵢ − Σ_{i<j} G mᵢ mⱼ/|qᵢ − qⱼ|}, with
 * {@code q = (x₁, y₁, x₂, y₂, …)} and p alike. {@code |qᵢ − qⱼ|²} is floored at
 * {@value Kepler#R2_FLOOR}, as in {@link Kepler}, so that coincident bodies stay finite.
 */
final class Gravitation {
  static final int DIMENSION = 2;

  private final double gravitationalConstant;
  private final double[] masses;
  private final Pairs pairs;

  Gravitation(double gravitationalConstant, double... masses) {
    this.gravitationalConstant = gravitationalConstant;
    this.masses = masses.clone();
    this.pairs = new Pairs(masses.length, DIMENSION);
  }

  int degreesOfFreedom() {
    return masses.length * DIMENSION;
  }

  /** {@code 1/mᵢ} repeated over each body's coordinates. */
  private double[] inverseMasses() {
    double[] out = new double[degreesOfFreedom()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1 / masses[i / DIMENSION];
    }
    return out;
  }

  /** {@code −G mᵢ mⱼ} of every pair. */
  private double[] couplings() {
    double[] out = new double[pairs.count()];
    for (int p = 0; p < out.length; p++) {
      out[p] = -gravitationalConstant * masses[pairs.first(p)] * masses[pairs.second(p)];
    }
    return out;
  }

  <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = degreesOfFreedom();
    Operand<T> p = g.momenta(x, n);
    Operand<T> kinetic = SystemOps.scale(g, 0.5,
        SystemOps.rowSum(g, tf.math.mul(tf.math.square(p), SystemOps.vector(g, inverseMasses()))));
    Operand<T> r2 = pairs.squaredDistances(g, pairs.differences(g, g.positions(x, n)));
    Operand<T> inverse = tf.math.rsqrt(Pairs.floored(g, r2, Kepler.R2_FLOOR));
    Operand<T> potential =
        SystemOps.rowSum(g, tf.math.mul(SystemOps.vector(g, couplings()), inverse));
    return tf.math.add(kinetic, potential);
  }

  /**
   * {@code ∂H/∂qᵢ = Σⱼ G mᵢ mⱼ (qᵢ − qⱼ)/|qᵢ − qⱼ|³}, {@code ∂H/∂pᵢ = pᵢ/mᵢ}: per pair
   * {@code dV/d(r²) = −c y³/2} with {@code c = −G mᵢ mⱼ}, {@code y = 1/r}, 0 below the floor.
   */
  <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    int n = degreesOfFreedom();
    Operand<T> diff = pairs.differences(g, g.positions(x, n));
    Operand<T> r2 = pairs.squaredDistances(g, diff);
    Operand<T> y = tf.math.rsqrt(Pairs.floored(g, r2, Kepler.R2_FLOOR));
    Operand<T> dPhi =
        tf.math.mul(
            tf.math.mul(g.constant(-0.5), tf.math.mul(SystemOps.vector(g, couplings()), y)),
            tf.math.mul(y, y));
    dPhi = Pairs.aboveFloor(g, r2, Kepler.R2_FLOOR, dPhi);
    Operand<T> dq = pairs.gradient(g, diff, dPhi);
    Operand<T> dp = tf.math.mul(g.momenta(x, n), SystemOps.vector(g, inverseMasses()));
    return Optional.of(g.phaseSpace(dq, dp));
  }

  /** {@code momentum-x}, {@code momentum-y}, {@code angular-momentum}. */
  List<ConservedQuantity> conservedQuantities() {
    List<ConservedQuantity> out = new ArrayList<>(
        MomentumMap.totalMomentum(masses.length, DIMENSION));
    out.addAll(MomentumMap.angularMomentum(masses.length, DIMENSION));
    return List.copyOf(out);
  }

  /** {@code R(θ) v} for a vector {@code (x, y)}. */
  static double[] rotate(double[] v, double theta) {
    double c = Math.cos(theta);
    double s = Math.sin(theta);
    return new double[] {c * v[0] - s * v[1], s * v[0] + c * v[1]};
  }
}

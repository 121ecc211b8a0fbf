package hamflow.plugins.systems;

import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * The pairs {@code i < j} of N bodies in d dimensions, for pair potentials {@code Σ φ(|xᵢ − xⱼ|²)}.
 * Coordinates are laid out body by body, {@code q = (x₁, y₁, …, x₂, y₂, …)}; the P = N(N−1)/2
 * differences {@code Δₚ = xᵢ − xⱼ} (pairs in the order (1,2), (1,3), …, (2,3), …) are one product
 * {@code q·D} with a constant ±1 matrix D of shape {@code [N·d, P·d]}, so a pair gradient maps
 * back to the bodies by {@code (∂V/∂Δ)·Dᵀ} (gather-free, and TF differentiates both products).
 */
final class Pairs {
  private final int dimension;
  private final int[] first;
  private final int[] second;
  private final double[][] matrix;

  Pairs(int bodies, int dimension) {
    this.dimension = dimension;
    int count = bodies * (bodies - 1) / 2;
    first = new int[count];
    second = new int[count];
    matrix = new double[bodies * dimension][count * dimension];
    int p = 0;
    for (int i = 0; i < bodies; i++) {
      for (int j = i + 1; j < bodies; j++) {
        first[p] = i;
        second[p] = j;
        for (int a = 0; a < dimension; a++) {
          matrix[i * dimension + a][p * dimension + a] = 1;
          matrix[j * dimension + a][p * dimension + a] = -1;
        }
        p++;
      }
    }
  }

  /** P, the number of pairs. */
  int count() {
    return first.length;
  }

  /** The body i of pair p (the one with the smaller index). */
  int first(int p) {
    return first[p];
  }

  /** The body j of pair p. */
  int second(int p) {
    return second[p];
  }

  /** {@code Δₚ = xᵢ − xⱼ} for every pair, {@code [batch, P·d]}, from q {@code [batch, N·d]}. */
  <T extends TFloating> Operand<T> differences(GraphContext<T> g, Operand<T> q) {
    return g.tf().linalg.matMul(q, SystemOps.matrix(g, matrix));
  }

  /** {@code |Δₚ|²}, {@code [batch, P]}, from the differences {@code [batch, P·d]}. */
  <T extends TFloating> Operand<T> squaredDistances(GraphContext<T> g, Operand<T> differences) {
    Ops tf = g.tf();
    Operand<T> split =
        tf.reshape(differences, tf.constant(new int[] {-1, count(), dimension}));
    return tf.sum(tf.math.square(split), tf.constant(2));
  }

  /**
   * {@code ∂V/∂q} of {@code V = Σₚ φ(|Δₚ|²)} given {@code φ'(|Δₚ|²)} ({@code [batch, P]}):
   * {@code ∂V/∂Δₚ = φ'·(2Δₚ)}, multiplied in the order TF's autodiff of the squared distance
   * uses, then {@code ·Dᵀ}; shape {@code [batch, N·d]}.
   */
  <T extends TFloating> Operand<T> gradient(
      GraphContext<T> g, Operand<T> differences, Operand<T> dPhi) {
    Ops tf = g.tf();
    Operand<T> split =
        tf.reshape(differences, tf.constant(new int[] {-1, count(), dimension}));
    Operand<T> perPair =
        tf.math.mul(tf.expandDims(dPhi, tf.constant(2)), tf.math.mul(g.constant(2.0), split));
    Operand<T> flat = tf.reshape(perPair, tf.constant(new int[] {-1, count() * dimension}));
    return tf.linalg.matMul(flat, SystemOps.matrix(g, matrix), MatMul.transposeB(true));
  }

  /** {@code max(r², floor)}: keeps coincident bodies finite. */
  static <T extends TFloating> Operand<T> floored(
      GraphContext<T> g, Operand<T> r2, double floor) {
    return g.tf().math.maximum(r2, g.constant(floor));
  }

  /**
   * {@code value} where {@code r² ≥ floor}, 0 below, as autodiff of {@link #floored} gives:
   * below the floor the potential is constant in q.
   */
  static <T extends TFloating> Operand<T> aboveFloor(
      GraphContext<T> g, Operand<T> r2, double floor, Operand<T> value) {
    Ops tf = g.tf();
    return tf.select(tf.math.greaterEqual(r2, g.constant(floor)), value, tf.zerosLike(value));
  }
}

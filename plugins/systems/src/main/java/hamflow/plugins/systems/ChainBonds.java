package hamflow.plugins.systems;

import hamflow.api.tf.GraphContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The nearest-neighbour bonds {@code Δ_b = q_{b+1} − q_b} of a one-dimensional chain of n sites,
 * for potentials {@code Σ_b φ(Δ_b)}, with one of three kinds of ends.
 */
enum ChainBonds {
  /** Walls at both ends, {@code q₀ = q_{n+1} = 0}: n + 1 bonds. */
  FIXED,
  /** A ring, {@code q_{n+1} = q₁}: n bonds. */
  PERIODIC,
  /** Free ends: the n − 1 bonds between neighbouring sites. */
  OPEN;

  /** The number of bonds of a chain of n sites. */
  int count(int n) {
    return switch (this) {
      case FIXED -> n + 1;
      case PERIODIC -> n;
      case OPEN -> n - 1;
    };
  }

  /** The bond extensions {@code Δ_b}, shape {@code [batch, count(n)]}, from q {@code [batch, n]}. */
  <T extends TFloating> Operand<T> extensions(GraphContext<T> g, Operand<T> q, int n) {
    List<Operand<T>> ends = ends(g, q, n);
    return g.tf().math.sub(ends.get(1), ends.get(0));
  }

  /** {@code v_b + v_{b+1}} over the bonds (a wall counts 0), shape {@code [batch, count(n)]}. */
  <T extends TFloating> Operand<T> sums(GraphContext<T> g, Operand<T> v, int n) {
    List<Operand<T>> ends = ends(g, v, n);
    return g.tf().math.add(ends.get(1), ends.get(0));
  }

  /** The values at the start and at the end of every bond, each {@code [batch, count(n)]}. */
  private <T extends TFloating> List<Operand<T>> ends(GraphContext<T> g, Operand<T> v, int n) {
    Ops tf = g.tf();
    return switch (this) {
      case FIXED -> {
        Operand<T> padded =
            tf.pad(v, tf.constant(new int[][] {{0, 0}, {1, 1}}), g.constant(0.0));
        yield List.of(
            SystemOps.columns(g, padded, 0, n + 1), SystemOps.columns(g, padded, 1, n + 1));
      }
      case PERIODIC -> {
        Operand<T> next = tf.concat(
            List.of(SystemOps.columns(g, v, 1, n - 1), SystemOps.columns(g, v, 0, 1)),
            tf.constant(1));
        yield List.of(v, next);
      }
      case OPEN -> List.of(SystemOps.columns(g, v, 0, n - 1), SystemOps.columns(g, v, 1, n - 1));
    };
  }

  /**
   * {@code ∂V/∂qᵢ} of {@code V = Σ_b φ(Δ_b)} given the bond forces {@code F_b = φ'(Δ_b)}
   * ({@code [batch, count(n)]}): {@code F} of the bond ending at site i minus {@code F} of the
   * bond starting there; shape {@code [batch, n]}.
   */
  <T extends TFloating> Operand<T> divergence(GraphContext<T> g, Operand<T> forces, int n) {
    Ops tf = g.tf();
    return switch (this) {
      case FIXED ->
          tf.math.sub(SystemOps.columns(g, forces, 0, n), SystemOps.columns(g, forces, 1, n));
      case PERIODIC -> {
        Operand<T> previous = tf.concat(
            List.of(SystemOps.columns(g, forces, n - 1, 1), SystemOps.columns(g, forces, 0, n - 1)),
            tf.constant(1));
        yield tf.math.sub(previous, forces);
      }
      case OPEN -> {
        Operand<T> padded =
            tf.pad(forces, tf.constant(new int[][] {{0, 0}, {1, 1}}), g.constant(0.0));
        yield tf.math.sub(
            SystemOps.columns(g, padded, 0, n), SystemOps.columns(g, padded, 1, n));
      }
    };
  }
}

package hamflow.plugins.losses;

import hamflow.api.nn.Initializers;
import hamflow.api.objective.ObjectiveContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A latent density built into an objective's graph: sampling (reparametrised, so gradients
 * reach learned frequencies) and the log-density of latent batches {@code [batch, 2n]}.
 *
 * <p>Both kinds are Gaussians with per-pair precision {@code λ_k} (the same for Q_k and P_k):
 * {@code ln p(z) = Σ_k [ln(λ_k / 2π) − λ_k (Q_k² + P_k²)/2]}; λ = 1 for {@link
 * PriorKind#GAUSSIAN}, λ_k = βω_k for {@link PriorKind#LATENT_HARMONIC}.
 */
final class Prior<T extends TFloating> {
  /** The objective's variable holding ln ω, shape {@code [n]}. */
  static final String LOG_OMEGA = "log-omega";

  private final ObjectiveContext<T> c;
  private final int n;
  private final Operand<T> precision; // [2n]: λ_k for the Q's then again for the P's

  private Prior(ObjectiveContext<T> c, Operand<T> precision) {
    this.c = c;
    this.n = c.degreesOfFreedom();
    this.precision = precision;
  }

  static <T extends TFloating> Prior<T> build(ObjectiveContext<T> c, PriorKind kind, double beta) {
    Ops tf = c.tf();
    int n = c.degreesOfFreedom();
    if (kind == PriorKind.GAUSSIAN) {
      return new Prior<>(c, tf.fill(tf.constant(new long[] {2L * n}), c.constant(1.0)));
    }
    Operand<T> omega = tf.math.exp(c.variable(LOG_OMEGA, Initializers.zeros(n), n));
    Operand<T> perPair = tf.math.mul(c.constant(beta), omega);
    return new Prior<>(c, tf.concat(List.of(perPair, perPair), tf.constant(0)));
  }

  /** {@code batch} latent samples {@code [batch, 2n]}, fresh each training step. */
  Operand<T> sample(long batch) {
    Ops tf = c.tf();
    return tf.math.mul(c.standardNormal(batch, 2L * n), tf.math.rsqrt(precision));
  }

  /**
   * {@code batch} latent samples whose batch mean and covariance equal the prior's exactly
   * (moment matching): standard normal draws ε are centred and whitened by the Cholesky factor
   * L of their own covariance, {@code ε̃ = (ε − ε̄) L⁻ᵀ}, then scaled. The batch average of any
   * quadratic form in z is then its expectation, so for a quadratic H and a linear map the
   * free-energy estimate carries no sampling noise at all; for other terms the draws remain
   * consistent (a bias of order 1/batch). Needs {@code batch > 2n}.
   */
  Operand<T> sampleMomentMatched(long batch) {
    Ops tf = c.tf();
    if (batch <= 2L * n) {
      throw new IllegalArgumentException("moment-matched draws need training.batch-size above "
          + "2n = " + 2 * n + " (the covariance of the draws must be invertible); it is " + batch);
    }
    Operand<T> e = c.standardNormal(batch, 2L * n);
    Operand<T> centred = tf.math.sub(e, tf.math.mean(e, tf.constant(0),
        org.tensorflow.op.math.Mean.keepDims(true)));
    Operand<T> covariance = tf.math.div(tf.linalg.matMul(centred, centred,
        org.tensorflow.op.linalg.MatMul.transposeA(true)), c.constant(batch));
    Operand<T> lower = tf.linalg.cholesky(covariance);
    // L⁻¹ ε̄ᵀ by a triangular solve, transposed back: rows with identity covariance.
    Operand<T> white = tf.linalg.transpose(tf.linalg.triangularSolve(lower,
        tf.linalg.transpose(centred, tf.constant(new int[] {1, 0})),
        org.tensorflow.op.linalg.TriangularSolve.lower(true)), tf.constant(new int[] {1, 0}));
    return tf.math.mul(tf.stopGradient(white), tf.math.rsqrt(precision));
  }

  /** {@code ln p(z)} per example, {@code [batch]}. */
  Operand<T> logDensity(Operand<T> z) {
    return logDensity(z, precision);
  }

  /**
   * {@code ln p(z)} with the gradient to the prior's own variables stopped (a gradient still
   * flows through z): the density term of a path-derivative estimator.
   */
  Operand<T> logDensityWithoutGradients(Operand<T> z) {
    return logDensity(z, c.tf().stopGradient(precision));
  }

  private Operand<T> logDensity(Operand<T> z, Operand<T> precision) {
    Ops tf = c.tf();
    Operand<T> quadratic = tf.reduceSum(tf.math.mul(precision, tf.math.square(z)),
        tf.constant(1));
    // Σ over the 2n coordinates of ½ ln(λ/2π) equals Σ_k ln(λ_k/2π) over the n pairs.
    Operand<T> normalisation = tf.math.mul(c.constant(0.5), tf.reduceSum(
        tf.math.log(tf.math.div(precision, c.constant(2 * Math.PI))), tf.constant(0)));
    return tf.math.sub(normalisation, tf.math.mul(c.constant(0.5), quadratic));
  }
}

package hamflow.plugins.flows;

import hamflow.api.NoParameters;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Oscillator (action–angle) coordinates of every conjugate pair, made a bijection of the plane:
 * {@code (q_k, p_k) → (u_k, J_k)} with {@code u = tan(φ/2)} and {@code J = ln I}, where
 * {@code q = √(2I) sin φ}, {@code p = √(2I) cos φ} (φ the oscillator's phase, increasing with
 * time for {@code H = (q² + p²)/2}; {@code I = (q² + p²)/2} its action). Shapes
 * {@code [batch, 2n]} in and out; no variables.
 *
 * <p>Why not (φ, I) itself: that map is canonical ({@code dφ∧dI = dq∧dp}) but not a bijection
 * of {@code R²}: φ lives on a circle and I > 0, and no homeomorphism of the plane sends the
 * circles of constant action onto lines, so no canonical global action–angle layer exists. This
 * layer unwraps φ ∈ (−π, π) with {@code u = tan(φ/2)} and I with a logarithm, which gives a
 * bijection from the plane minus the ray {@code {q = 0, p ≤ 0}} (φ = ±π, and the origin) onto
 * all of {@code R²}, smooth in both directions and exact in closed form (the inverse is rational
 * in u: {@code q = r·2u/(1 + u²)}, {@code p = r(1 − u²)/(1 + u²)}, {@code r = √2 e^{J/2}}). The
 * price is that it is not symplectic: {@link #symplectic()} is false and the log-determinant is
 * {@code Σ_k [ln((1 + u_k²)/2) − J_k]} (φ, I has unit Jacobian; {@code du/dφ = (1 + u²)/2},
 * {@code dJ/dI = 1/I}). The excluded ray has measure zero, so densities and the contract's
 * Gaussian samples never meet it; the action of pair k is {@code e^{J_k}} and its phase
 * {@code 2 atan u_k}.
 *
 * <p>u is computed as {@code q/(r + p)} for p ≥ 0 and {@code (r − p)/q} for p < 0 (equal, by
 * {@code (r + p)(r − p) = q²}), so it is accurate up to the ray.
 */
public final class Oscillator implements BijectiveLayer {

  /** Factory for {@code oscillator}. */
  public static final LayerFactory<NoParameters> FACTORY = LayerFactory.of("oscillator",
      "oscillator coordinates (q, p) -> (tan(phase/2), ln action) per pair (not symplectic: "
          + "exact log-det)",
      NoParameters.class, p -> new Oscillator());

  @Override
  public boolean symplectic() {
    return false;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    Operand<T> one = g.constant(1.0);
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        Operand<T> q = g.positions(x, n);
        Operand<T> p = g.momenta(x, n);
        Operand<T> radiusSquared = tf.math.add(tf.math.square(q), tf.math.square(p));
        return g.phaseSpace(halfAngleTangent(q, p, tf.math.sqrt(radiusSquared)),
            tf.math.log(tf.math.mul(radiusSquared, g.constant(0.5))));
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        Operand<T> u = g.positions(z, n);
        Operand<T> radius = tf.math.mul(g.constant(Math.sqrt(2)),
            tf.math.exp(tf.math.mul(g.momenta(z, n), g.constant(0.5))));
        Operand<T> uu = tf.math.square(u);
        Operand<T> scale = tf.math.div(radius, tf.math.add(one, uu));
        return g.phaseSpace(tf.math.mul(tf.math.mul(scale, u), g.constant(2.0)),
            tf.math.mul(scale, tf.math.sub(one, uu)));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        Operand<T> z = forward(x);
        Operand<T> perPair = tf.math.sub(
            tf.math.log(tf.math.mul(tf.math.add(one, tf.math.square(g.positions(z, n))),
                g.constant(0.5))),
            g.momenta(z, n));
        return tf.reduceSum(perPair, tf.constant(1));
      }

      /**
       * {@code tan(φ/2)}: {@code q/(r + p)} where p ≥ 0, {@code (r − p)/q} elsewhere. Each
       * branch's denominator is replaced by 1 where the branch is not taken, so the unused
       * branch is never 0/0 and cannot make a NaN gradient.
       */
      private Operand<T> halfAngleTangent(Operand<T> q, Operand<T> p, Operand<T> r) {
        Operand<T> upper = tf.stopGradient(
            tf.dtypes.cast(tf.math.greaterEqual(p, g.constant(0.0)), g.dtype()));
        Operand<T> lower = tf.math.sub(one, upper);
        Operand<T> upperDenominator = tf.math.add(tf.math.mul(upper, tf.math.add(r, p)), lower);
        Operand<T> lowerDenominator = tf.math.add(tf.math.mul(lower, q), upper);
        return tf.math.add(
            tf.math.mul(upper, tf.math.div(q, upperDenominator)),
            tf.math.mul(lower, tf.math.div(tf.math.sub(r, p), lowerDenominator)));
      }
    };
  }
}

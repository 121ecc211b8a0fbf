package hamflow.plugins.flows;

import hamflow.api.Param;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Initializers;
import hamflow.api.nn.Mlp;
import java.util.Collections;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Coupling layers of normalizing flows, general and not symplectic. With b the 0/1 mask of the
 * conditioning components and an MLP conditioner fed {@code b ⊙ x}:
 *
 * <ul>
 *   <li>{@code additive-coupling} (NICE, Dinh et al. 2014): {@code z = x + (1 − b) ⊙ t(b ⊙ x)};
 *       volume-preserving, log-det 0;
 *   <li>{@code affine-coupling} (Real NVP, Dinh et al. 2016):
 *       {@code z = b ⊙ x + (1 − b) ⊙ (x ⊙ e^{s} + t)} with {@code s = λ ⊙ tanh(ŝ(b ⊙ x))}, λ a
 *       learned per-component bound (initially 1) that keeps early training stable; log-det
 *       {@code Σ (1 − b) ⊙ s}.
 * </ul>
 *
 * The inverse reads the unchanged components of z, recomputes s and t, and undoes the update.
 */
public final class Coupling implements BijectiveLayer {

  /** Parameters of {@code additive-coupling} and {@code affine-coupling}. */
  public record Parameters(
      @Param(value = "components that condition and stay fixed: q, p, alternate (even "
              + "components of x) or alternate-odd", defaultValue = "q")
          Mask mask,
      @Param(value = "units per hidden layer of the conditioner", defaultValue = "32", min = 1)
          int width,
      @Param(value = "hidden layers of the conditioner", defaultValue = "2", min = 1, max = 16)
          int depth,
      @Param(value = "hidden activation of the conditioner", defaultValue = "tanh")
          Activation activation) {}

  /** Factory for {@code additive-coupling}. */
  public static final LayerFactory<Parameters> ADDITIVE = LayerFactory.of("additive-coupling",
      "NICE additive coupling x_b <- x_b + t(x_a) (volume-preserving, not symplectic)",
      Parameters.class, p -> new Coupling(p, false));

  /** Factory for {@code affine-coupling}. */
  public static final LayerFactory<Parameters> AFFINE = LayerFactory.of("affine-coupling",
      "Real NVP affine coupling x_b <- x_b exp(s(x_a)) + t(x_a) (not symplectic)",
      Parameters.class, p -> new Coupling(p, true));

  private final Parameters params;
  private final boolean affine;

  public Coupling(Parameters params, boolean affine) {
    this.params = params;
    this.affine = affine;
  }

  @Override
  public boolean symplectic() {
    return false;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    int dim = 2 * n;
    Operand<T> fixed = LayerOps.constant(g, params.mask().fixed(n), dim);
    Operand<T> free = tf.math.sub(g.constant(1.0), fixed);
    Mlp<T> conditioner = Mlp.create(g, "conditioner", dim,
        Collections.nCopies(params.depth(), params.width()), affine ? 2 * dim : dim,
        params.activation(), false, true);
    Operand<T> bound = affine
        ? g.variable("scale-bound", ones(dim), dim)
        : null;

    /** (s, t), each {@code [batch, 2n]} and zero on the fixed components, from the fixed part. */
    record Update<T extends TFloating>(Operand<T> s, Operand<T> t) {}
    java.util.function.Function<Operand<T>, Update<T>> update = x -> {
      Operand<T> out = conditioner.apply(tf.math.mul(x, fixed));
      if (!affine) {
        return new Update<>(null, tf.math.mul(out, free));
      }
      Operand<T> s = tf.math.mul(tf.math.tanh(LayerOps.columns(g, out, 0, dim)), bound);
      return new Update<>(tf.math.mul(s, free), tf.math.mul(LayerOps.columns(g, out, dim, dim), free));
    };

    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        Update<T> u = update.apply(x);
        Operand<T> scaled = affine ? tf.math.mul(x, tf.math.exp(u.s())) : x;
        return tf.math.add(scaled, u.t());
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        Update<T> u = update.apply(z); // z ⊙ b = x ⊙ b
        Operand<T> shifted = tf.math.sub(z, u.t());
        return affine ? tf.math.mul(shifted, tf.math.exp(tf.math.neg(u.s()))) : shifted;
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        if (!affine) {
          return LayerOps.zerosPerExample(g, x);
        }
        return tf.reduceSum(update.apply(x).s(), tf.constant(1));
      }
    };
  }

  private static double[] ones(int count) {
    double[] v = Initializers.zeros(count);
    java.util.Arrays.fill(v, 1.0);
    return v;
  }
}

package hamflow.plugins.flows;

import hamflow.api.Param;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Initializers;
import hamflow.api.nn.Mlp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * A symplectic additive coupling (a shear): {@code p ← p − ∇F(q)} ({@code symplectic-shear-p}) or
 * {@code q ← q + ∇G(p)} ({@code symplectic-shear-q}). The Jacobian {@code [[I, 0], [−∇²F, I]]}
 * (or {@code [[I, ∇²G], [0, I]]}) is symplectic because the Hessian is symmetric; the inverse
 * subtracts the same shift, computed from the half that the layer does not change.
 */
public final class SymplecticShear implements BijectiveLayer {

  /** Parameters of {@code symplectic-shear-p} and {@code symplectic-shear-q}. */
  public record Parameters(
      @Param(value = "how the gradient field is built: mlp (gradient of a scalar MLP) or "
              + "irrotational (W1' s(d * s(W1 u)), symmetric Jacobian by construction)",
              defaultValue = "mlp")
          Potential potential,
      @Param(value = "units per hidden layer", defaultValue = "32", min = 1) int width,
      @Param(value = "number of hidden layers", defaultValue = "2", min = 1, max = 16) int depth,
      @Param(value = "hidden activation", defaultValue = "tanh") Activation activation) {}

  /** Factory for {@code symplectic-shear-p}. */
  public static final LayerFactory<Parameters> FACTORY_P = LayerFactory.of("symplectic-shear-p",
      "symplectic coupling p <- p - grad F(q)", Parameters.class,
      p -> new SymplecticShear(p, true));

  /** Factory for {@code symplectic-shear-q}. */
  public static final LayerFactory<Parameters> FACTORY_Q = LayerFactory.of("symplectic-shear-q",
      "symplectic coupling q <- q + grad G(p)", Parameters.class,
      p -> new SymplecticShear(p, false));

  private final Parameters params;
  private final boolean kick; // true: p changes (a kick), false: q changes (a drift)

  /** {@code kick}: {@code p ← p − ∇F(q)}; otherwise {@code q ← q + ∇G(p)}. */
  public SymplecticShear(Parameters params, boolean kick) {
    this.params = params;
    this.kick = kick;
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    GradientField<T> field = params.potential() == Potential.MLP
        ? mlpGradient(g, n)
        : irrotational(g, n);
    Ops tf = g.tf();
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return shift(x, 1);
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return shift(z, -1);
      }

      /** Moves the changing half by {@code sign} times the field of the fixed half. */
      private Operand<T> shift(Operand<T> x, int sign) {
        Operand<T> q = g.positions(x, n);
        Operand<T> p = g.momenta(x, n);
        if (kick) {
          Operand<T> f = field.apply(q);
          return g.phaseSpace(q, sign > 0 ? tf.math.sub(p, f) : tf.math.add(p, f));
        }
        Operand<T> f = field.apply(p);
        return g.phaseSpace(sign > 0 ? tf.math.add(q, f) : tf.math.sub(q, f), p);
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }

  /** A gradient field {@code R^n → R^n}, {@code [batch, n]} in and out. */
  private interface GradientField<T extends TFloating> {
    Operand<T> apply(Operand<T> u);
  }

  private <T extends TFloating> GradientField<T> mlpGradient(ModelContext<T> g, int n) {
    Mlp<T> mlp = Mlp.create(g, "potential", n,
        Collections.nCopies(params.depth(), params.width()), 1, params.activation(), false, false);
    return mlp::inputGradient;
  }

  /**
   * {@code μ(u) = W₁ᵀ h_L}, {@code h_1 = σ(W₁u + b₁)}, {@code h_{k+1} = σ(d_k ⊙ h_k + c_k)}: the
   * hidden-to-hidden maps are elementwise, so {@code ∂μ/∂u = W₁ᵀ diag(·) W₁} is symmetric.
   */
  private <T extends TFloating> GradientField<T> irrotational(ModelContext<T> g, int n) {
    int width = params.width();
    double bound = 1.0 / Math.sqrt(n);
    Operand<T> w1 = g.variable("potential/kernel",
        Initializers.uniform(g.random(), n * width, bound), n, width);
    Operand<T> b1 = g.variable("potential/bias1",
        Initializers.uniform(g.random(), width, bound), width);
    List<Operand<T>> diagonals = new ArrayList<>();
    List<Operand<T>> biases = new ArrayList<>();
    for (int k = 2; k <= params.depth(); k++) {
      diagonals.add(g.variable("potential/diagonal" + k,
          Initializers.uniform(g.random(), width, 1.0), width));
      biases.add(g.variable("potential/bias" + k,
          Initializers.uniform(g.random(), width, 1.0), width));
    }
    Activation sigma = params.activation();
    Ops tf = g.tf();
    return u -> {
      Operand<T> h = sigma.apply(g, tf.nn.biasAdd(tf.linalg.matMul(u, w1), b1));
      for (int k = 0; k < diagonals.size(); k++) {
        h = sigma.apply(g, tf.math.add(tf.math.mul(h, diagonals.get(k)), biases.get(k)));
      }
      return tf.linalg.matMul(h, w1, MatMul.transposeB(true));
    };
  }
}

package hamflow.plugins.flows;

import hamflow.api.Param;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Initializers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * A point transformation lifted to phase space (Li et al. 2020, neuralCT; Bondesan & Lamacraft
 * 2019): {@code Q = f(q)}, {@code P = (∂f/∂q)^{−T} p}, with f an invertible Real NVP flow on the
 * n coordinates alone. The lift of any diffeomorphism of configuration space is canonical
 * ({@code P·dQ = p·dq}), so the layer is symplectic with log-det 0 whatever f's weights.
 *
 * <p>Shapes: {@code [batch, 2n]} in and out, q then p. f is {@code couplings} affine couplings
 * with alternating masks over the coordinates: coupling k keeps {@code q_a} (the even indices for
 * even k, the odd ones for odd k) and sets {@code q_b ← q_b·e^{s(q_a)} + t(q_a)}, with
 * {@code s = λ ⊙ tanh(ŝ)} (λ a learned bound, initially 1) and (ŝ, t) from an MLP whose output
 * layer starts at zero, so f starts as the identity. Per coupling, with
 * {@code A = ∂q_b'/∂q_a}, the momenta transform as {@code p_b' = p_b·e^{−s}} and
 * {@code p_a' = p_a − Aᵀp_b'}; {@code Aᵀp_b'} is the conditioner's vector-Jacobian product in
 * closed form (plain ops, so training differentiates through it to first order). The inverse
 * undoes each coupling in closed form, last first.
 *
 * <p>For n = 1 there is nothing to condition on: f is a single learned {@code q ← q·e^{s} + t}
 * ({@code p ← p·e^{−s}}); more couplings would compose to the same affine map, so
 * {@code couplings} is ignored.
 */
public final class PointTransformation implements BijectiveLayer {

  /** Parameters of {@code point-transformation}. */
  public record Parameters(
      @Param(value = "affine couplings of the coordinate flow f", defaultValue = "8", min = 1,
              max = 64)
          int couplings,
      @Param(value = "units per hidden layer of each conditioner", defaultValue = "128", min = 1)
          int width,
      @Param(value = "hidden layers of each conditioner", defaultValue = "2", min = 1, max = 16)
          int depth,
      @Param(value = "hidden activation of the conditioners", defaultValue = "tanh")
          Activation activation) {}

  /** Factory for {@code point-transformation}. */
  public static final LayerFactory<Parameters> FACTORY = LayerFactory.of("point-transformation",
      "canonical lift of a Real NVP flow f on q: Q = f(q), P = (df/dq)^-T p (symplectic)",
      Parameters.class, PointTransformation::new);

  private final Parameters params;

  public PointTransformation(Parameters params) {
    this.params = params;
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    List<Step<T>> steps = new ArrayList<>();
    if (n == 1) {
      steps.add(new Affine<>(g));
    } else {
      for (int k = 0; k < params.couplings(); k++) {
        steps.add(new Coupled<>(g, "coupling" + (k + 1), n, k % 2, params));
      }
    }
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        Operand<T> q = g.positions(x, n);
        Operand<T> p = g.momenta(x, n);
        for (Step<T> step : steps) {
          Operand<T>[] qp = step.forward(q, p);
          q = qp[0];
          p = qp[1];
        }
        return g.phaseSpace(q, p);
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        Operand<T> q = g.positions(z, n);
        Operand<T> p = g.momenta(z, n);
        for (int k = steps.size() - 1; k >= 0; k--) {
          Operand<T>[] qp = steps.get(k).inverse(q, p);
          q = qp[0];
          p = qp[1];
        }
        return g.phaseSpace(q, p);
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }

  /** One canonical step {@code (q, p) → (q', p')}, each {@code [batch, n]}. */
  private interface Step<T extends TFloating> {
    Operand<T>[] forward(Operand<T> q, Operand<T> p);

    Operand<T>[] inverse(Operand<T> q, Operand<T> p);
  }

  @SuppressWarnings("unchecked")
  private static <T extends TFloating> Operand<T>[] pair(Operand<T> q, Operand<T> p) {
    return new Operand[] {q, p};
  }

  /** n = 1: {@code q ← q·e^{s} + t}, {@code p ← p·e^{−s}} with learned s, t (initially 0). */
  private static final class Affine<T extends TFloating> implements Step<T> {
    private final Ops tf;
    private final Operand<T> s;
    private final Operand<T> t;

    Affine(ModelContext<T> g) {
      this.tf = g.tf();
      this.s = g.variable("affine/log-scale", Initializers.zeros(1), 1);
      this.t = g.variable("affine/shift", Initializers.zeros(1), 1);
    }

    @Override
    public Operand<T>[] forward(Operand<T> q, Operand<T> p) {
      return pair(tf.math.add(tf.math.mul(q, tf.math.exp(s)), t),
          tf.math.mul(p, tf.math.exp(tf.math.neg(s))));
    }

    @Override
    public Operand<T>[] inverse(Operand<T> q, Operand<T> p) {
      return pair(tf.math.mul(tf.math.sub(q, t), tf.math.exp(tf.math.neg(s))),
          tf.math.mul(p, tf.math.exp(s)));
    }
  }

  /** One affine coupling of f with its momentum update; {@code parity} picks the kept half. */
  private static final class Coupled<T extends TFloating> implements Step<T> {
    private final ModelContext<T> g;
    private final Ops tf;
    private final int kept;
    private final int moved;
    // 0/1 selection matrices: q_a = q·E_a and q = q_a·E_aᵀ + q_b·E_bᵀ, exact in floating point
    // and differentiable with matmuls only.
    private final Operand<T> selectKept;
    private final Operand<T> selectMoved;
    private final Operand<T> bound;
    private final Conditioner<T> net;

    Coupled(ModelContext<T> g, String name, int n, int parity, Parameters params) {
      this.g = g;
      this.tf = g.tf();
      int[] a = indices(n, parity);
      int[] b = indices(n, 1 - parity);
      this.kept = a.length;
      this.moved = b.length;
      this.selectKept = LayerOps.constant(g, selection(n, a), n, kept);
      this.selectMoved = LayerOps.constant(g, selection(n, b), n, moved);
      double[] ones = new double[moved];
      Arrays.fill(ones, 1.0);
      this.bound = g.variable(name + "/scale-bound", ones, moved);
      this.net = new Conditioner<>(g, name + "/conditioner", kept, params.width(), params.depth(),
          2 * moved, params.activation());
    }

    /** s, t and the seed factor {@code λ(1 − tanh²ŝ)} of ∂s/∂ŝ at the kept half. */
    private record Update<T extends TFloating>(
        Conditioner.Evaluation<T> net, Operand<T> s, Operand<T> t, Operand<T> dsdRaw) {}

    private Update<T> update(Operand<T> qa) {
      Conditioner.Evaluation<T> e = net.apply(qa);
      Operand<T> th = tf.math.tanh(LayerOps.columns(g, e.output(), 0, moved));
      Operand<T> s = tf.math.mul(bound, th);
      Operand<T> t = LayerOps.columns(g, e.output(), moved, moved);
      Operand<T> dsdRaw = tf.math.mul(bound, tf.math.sub(g.constant(1.0), tf.math.square(th)));
      return new Update<>(e, s, t, dsdRaw);
    }

    /**
     * {@code Aᵀw = ∇_{q_a}[w·(q_b e^{s} + t)]} at fixed w and q_b, given {@code scaled = q_b e^{s}}:
     * the conditioner's vector-Jacobian product with the seed {@code (w ⊙ scaled ⊙ ∂s/∂ŝ, w)}.
     */
    private Operand<T> transposedJacobian(Update<T> u, Operand<T> scaled, Operand<T> w) {
      Operand<T> seed = g.phaseSpace(tf.math.mul(tf.math.mul(w, scaled), u.dsdRaw()), w);
      return net.vectorJacobian(u.net(), seed);
    }

    @Override
    public Operand<T>[] forward(Operand<T> q, Operand<T> p) {
      Operand<T> qa = tf.linalg.matMul(q, selectKept);
      Operand<T> qb = tf.linalg.matMul(q, selectMoved);
      Update<T> u = update(qa);
      Operand<T> scaled = tf.math.mul(qb, tf.math.exp(u.s()));
      Operand<T> qbNew = tf.math.add(scaled, u.t());
      Operand<T> pbNew = tf.math.mul(tf.linalg.matMul(p, selectMoved), tf.math.exp(tf.math.neg(u.s())));
      Operand<T> paNew = tf.math.sub(tf.linalg.matMul(p, selectKept),
          transposedJacobian(u, scaled, pbNew));
      return pair(join(qa, qbNew), join(paNew, pbNew));
    }

    @Override
    public Operand<T>[] inverse(Operand<T> q, Operand<T> p) {
      Operand<T> qa = tf.linalg.matMul(q, selectKept);
      Update<T> u = update(qa);
      Operand<T> scaled = tf.math.sub(tf.linalg.matMul(q, selectMoved), u.t()); // = q_b e^{s}
      Operand<T> qb = tf.math.mul(scaled, tf.math.exp(tf.math.neg(u.s())));
      Operand<T> pbNew = tf.linalg.matMul(p, selectMoved);
      Operand<T> pb = tf.math.mul(pbNew, tf.math.exp(u.s()));
      Operand<T> pa = tf.math.add(tf.linalg.matMul(p, selectKept),
          transposedJacobian(u, scaled, pbNew));
      return pair(join(qa, qb), join(pa, pb));
    }

    private Operand<T> join(Operand<T> a, Operand<T> b) {
      return tf.math.add(tf.linalg.matMul(a, selectKept, MatMul.transposeB(true)),
          tf.linalg.matMul(b, selectMoved, MatMul.transposeB(true)));
    }

    private static int[] indices(int n, int parity) {
      int[] out = new int[(n + 1 - parity) / 2];
      for (int i = 0; i < out.length; i++) {
        out[i] = 2 * i + parity;
      }
      return out;
    }

    private static double[] selection(int n, int[] picked) {
      double[] e = new double[n * picked.length];
      for (int j = 0; j < picked.length; j++) {
        e[picked[j] * picked.length + j] = 1;
      }
      return e;
    }
  }
}

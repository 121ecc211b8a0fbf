package hamflow.plugins.flows;

import hamflow.api.NoParameters;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Initializers;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * A linear symplectic map in the pre-Iwasawa (NAK) form, {@code z = S x} with
 * {@code S = [[I, 0], [M, I]] · diag(Lᵀ, L⁻¹) · [[X, −Y], [Y, X]]}: M symmetric (variable
 * {@code m}, its n(n+1)/2 lower-triangle entries), L lower triangular with positive diagonal
 * (variables {@code l-lower}, the n(n−1)/2 entries below the diagonal, and {@code log-diagonal},
 * {@code L_ii = e^{d_i}}), and {@code U = X + iY} unitary. Every factor is symplectic for every
 * value of its parameters, and every real symplectic matrix has this form (the factors are the
 * N, A and K of a symplectic Iwasawa decomposition), unlike {@code linear-symplectic}'s
 * {@code exp(G)}, which reaches only a neighbourhood of the identity.
 *
 * <p>U is {@code H(v_1)⋯H(v_{2n}) · diag(e^{iθ})} with complex Householder reflections
 * {@code H(v) = I − 2 v v^* / |v|²} (variable {@code reflections}, row k the real and imaginary parts
 * of {@code v_k}) and phases θ (variable {@code phases}): n reflections and the phases already
 * reach all of U(n) (QR), and pairing them lets the layer start at the identity: the pairs are
 * initialised equal ({@code H(v)² = I}), M = 0, L = I, θ = 0. In real arithmetic
 * {@code H(v)} acts on {@code (x, y)} as {@code I − 2(wwᵀ + w'w'ᵀ)/|w|²} with {@code w = (a, b)},
 * {@code w' = (−b, a)} for {@code v = a + ib}.
 *
 * <p>The inverse is in closed form: {@code S⁻¹ = Uᵀ · diag(L^{−T}, L) · [[I, 0], [−M, I]]}, with
 * {@code L⁻¹ = (I + N)⁻¹ D⁻¹} for {@code L = D(I + N)}, N strictly lower triangular, so
 * {@code (I + N)⁻¹ = Σ_{k<n} (−N)^k} exactly (N is nilpotent): matmuls only, differentiable
 * everywhere. Shapes {@code [batch, 2n]} in and out; log-det 0.
 */
public final class LinearSymplecticNak implements BijectiveLayer {

  /** Factory for {@code linear-symplectic-nak}. */
  public static final LayerFactory<NoParameters> FACTORY = LayerFactory.of(
      "linear-symplectic-nak",
      "linear symplectic map [[1,0],[M,1]] diag(L^T, L^-1) [[X,-Y],[Y,X]] (pre-Iwasawa form, "
          + "all of Sp(2n))",
      NoParameters.class, p -> new LinearSymplecticNak());

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    int symmetricCount = n * (n + 1) / 2;
    int lowerCount = n * (n - 1) / 2;
    Operand<T> m = fromEntries(g, g.variable("m", Initializers.zeros(symmetricCount),
        symmetricCount), symmetricIndex(n), n, symmetricCount);
    Operand<T> logDiagonal = g.variable("log-diagonal", Initializers.zeros(n), n);
    Operand<T> strictlyLower = lowerCount == 0
        ? LayerOps.constant(g, new double[n * n], n, n) // n = 1: no entries below the diagonal
        : fromEntries(g, g.variable("l-lower", Initializers.zeros(lowerCount), lowerCount),
            lowerIndex(n), n, lowerCount);
    Operand<T> reflections = g.variable("reflections", pairedReflections(g, n), 2 * n, 2 * n);
    Operand<T> phases = g.variable("phases", Initializers.zeros(n), n);

    Operand<T> eye = LayerOps.identity(g, n);
    Operand<T> zero = LayerOps.constant(g, new double[n * n], n, n);
    Operand<T> diagonal = diag(g, tf.math.exp(logDiagonal), n);
    Operand<T> lower = tf.math.add(diagonal, strictlyLower);
    // L⁻¹ = (I + N)⁻¹ D⁻¹ with N = D⁻¹·strictlyLower nilpotent: Horner on Σ (−N)^k.
    Operand<T> inverseDiagonal = diag(g, tf.math.exp(tf.math.neg(logDiagonal)), n);
    Operand<T> nilpotent = tf.linalg.matMul(inverseDiagonal, strictlyLower);
    Operand<T> series = eye;
    for (int k = 1; k < n; k++) {
      series = tf.math.sub(eye, tf.linalg.matMul(nilpotent, series));
    }
    Operand<T> lowerInverse = tf.linalg.matMul(series, inverseDiagonal);

    Operand<T> unitary = unitary(g, reflections, phases, n);
    Operand<T> shear = blocks(g, eye, zero, m, eye);
    Operand<T> shearInverse = blocks(g, eye, zero, tf.math.neg(m), eye);
    Operand<T> scaling = blocks(g, transpose(g, lower), zero, zero, lowerInverse);
    Operand<T> scalingInverse = blocks(g, transpose(g, lowerInverse), zero, zero, lower);
    Operand<T> s = tf.linalg.matMul(shear, tf.linalg.matMul(scaling, unitary));
    Operand<T> sInverse = tf.linalg.matMul(transpose(g, unitary),
        tf.linalg.matMul(scalingInverse, shearInverse));
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return tf.linalg.matMul(x, s, MatMul.transposeB(true)); // rows: zᵀ = xᵀSᵀ
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return tf.linalg.matMul(z, sInverse, MatMul.transposeB(true));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }

  /**
   * The real {@code 2n × 2n} form {@code [[X, −Y], [Y, X]]} of
   * {@code U = H(v_1)⋯H(v_{2n}) diag(e^{iθ})}.
   */
  private static <T extends TFloating> Operand<T> unitary(
      ModelContext<T> g, Operand<T> reflections, Operand<T> phases, int n) {
    Ops tf = g.tf();
    int dim = 2 * n;
    Operand<T> eye = LayerOps.identity(g, dim);
    // w' = (−b, a) = w·R with R = [[0, I], [−I, 0]] acting on rows.
    Operand<T> rotate = blocks(g, LayerOps.constant(g, new double[n * n], n, n),
        LayerOps.identity(g, n), tf.math.neg(LayerOps.identity(g, n)),
        LayerOps.constant(g, new double[n * n], n, n));
    Operand<T> u = null;
    for (int k = 0; k < dim; k++) {
      Operand<T> w = tf.slice(reflections, tf.constant(new int[] {k, 0}), tf.constant(new int[] {1, dim}));
      Operand<T> wRotated = tf.linalg.matMul(w, rotate);
      Operand<T> norm = tf.reduceSum(tf.math.square(w), tf.constant(new int[] {0, 1}));
      Operand<T> projector = tf.math.add(
          tf.linalg.matMul(w, w, MatMul.transposeA(true)),
          tf.linalg.matMul(wRotated, wRotated, MatMul.transposeA(true)));
      Operand<T> h = tf.math.sub(eye, tf.math.mul(projector, tf.math.div(g.constant(2.0), norm)));
      u = u == null ? h : tf.linalg.matMul(u, h);
    }
    Operand<T> cos = diag(g, tf.math.cos(phases), n);
    Operand<T> sin = diag(g, tf.math.sin(phases), n);
    return tf.linalg.matMul(u, blocks(g, cos, tf.math.neg(sin), sin, cos));
  }

  /** Initial reflection vectors: n random ones, each repeated, so the product is I. */
  private static <T extends TFloating> double[] pairedReflections(ModelContext<T> g, int n) {
    int dim = 2 * n;
    double[] v = new double[dim * dim];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < dim; i++) {
        double value = g.random().nextGaussian();
        v[(2 * k) * dim + i] = value;
        v[(2 * k + 1) * dim + i] = value;
      }
    }
    return v;
  }

  /** {@code diag(v)} for v of shape {@code [n]}: the identity with its columns scaled. */
  private static <T extends TFloating> Operand<T> diag(ModelContext<T> g, Operand<T> v, int n) {
    return g.tf().math.mul(LayerOps.identity(g, n), v);
  }

  /** {@code [[a, b], [c, d]]} from four {@code n × n} blocks. */
  private static <T extends TFloating> Operand<T> blocks(
      ModelContext<T> g, Operand<T> a, Operand<T> b, Operand<T> c, Operand<T> d) {
    Ops tf = g.tf();
    return tf.concat(List.of(tf.concat(List.of(a, b), tf.constant(1)),
        tf.concat(List.of(c, d), tf.constant(1))), tf.constant(0));
  }

  private static <T extends TFloating> Operand<T> transpose(ModelContext<T> g, Operand<T> m) {
    return g.tf().linalg.transpose(m, g.tf().constant(new int[] {1, 0}));
  }

  /**
   * The {@code n × n} matrix whose entry (i, j) is {@code entries[index[i][j]]} (0 where the
   * index is −1), as a matmul with a constant 0/1 matrix: exact, and differentiable without a
   * gather gradient.
   */
  private static <T extends TFloating> Operand<T> fromEntries(
      ModelContext<T> g, Operand<T> entries, int[][] index, int n, int count) {
    Ops tf = g.tf();
    double[] select = new double[n * n * count];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (index[i][j] >= 0) {
          select[(i * n + j) * count + index[i][j]] = 1;
        }
      }
    }
    Operand<T> flat = tf.linalg.matMul(LayerOps.constant(g, select, n * n, count),
        tf.reshape(entries, tf.constant(new long[] {count, 1})));
    return tf.reshape(flat, tf.constant(new long[] {n, n}));
  }

  /** Entry (i, j) of a symmetric matrix: {@code k(k+1)/2 + l} with k = max, l = min. */
  static int[][] symmetricIndex(int n) {
    int[][] index = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int k = Math.max(i, j);
        index[i][j] = k * (k + 1) / 2 + Math.min(i, j);
      }
    }
    return index;
  }

  /** Entry (i, j) of a strictly lower triangular matrix: {@code i(i−1)/2 + j}, −1 on and above. */
  static int[][] lowerIndex(int n) {
    int[][] index = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        index[i][j] = j < i ? i * (i - 1) / 2 + j : -1;
      }
    }
    return index;
  }
}

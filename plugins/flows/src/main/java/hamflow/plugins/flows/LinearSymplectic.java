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
 * A linear symplectic map {@code z = exp(G) x} with {@code G = [[A, B], [C, −Aᵀ]]}, B and C
 * symmetric: G is a Hamiltonian matrix ({@code ΩG} symmetric), so {@code exp(G)} is symplectic,
 * and every symplectic matrix near the identity has this form. A is free; B and C are the
 * symmetric parts of free matrices. The inverse is {@code exp(−G)}, computed the same way;
 * {@code det exp(G) = e^{tr G} = 1}.
 */
public final class LinearSymplectic implements BijectiveLayer {

  /** Bound of the uniform initial entries of A, B and C: a map near, not at, the identity. */
  private static final double INITIAL_SCALE = 0.1;

  /** Factory for {@code linear-symplectic}. */
  public static final LayerFactory<NoParameters> FACTORY = LayerFactory.of("linear-symplectic",
      "linear symplectic map exp([[A, B], [C, -A^T]]), B and C symmetric", NoParameters.class,
      p -> new LinearSymplectic());

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    Operand<T> a = g.variable("a", Initializers.uniform(g.random(), n * n, INITIAL_SCALE), n, n);
    Operand<T> b = symmetric(g, g.variable("b",
        Initializers.uniform(g.random(), n * n, INITIAL_SCALE), n, n));
    Operand<T> c = symmetric(g, g.variable("c",
        Initializers.uniform(g.random(), n * n, INITIAL_SCALE), n, n));
    Operand<T> top = tf.concat(List.of(a, b), tf.constant(1));
    Operand<T> bottom = tf.concat(List.of(c, tf.math.neg(transpose(g, a))), tf.constant(1));
    Operand<T> generator = tf.concat(List.of(top, bottom), tf.constant(0));
    Operand<T> m = MatrixExponential.of(g, generator, 2 * n);
    Operand<T> mInverse = MatrixExponential.of(g, tf.math.neg(generator), 2 * n);
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return tf.linalg.matMul(x, m, MatMul.transposeB(true)); // rows: zᵀ = xᵀ Mᵀ
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return tf.linalg.matMul(z, mInverse, MatMul.transposeB(true));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }

  private static <T extends TFloating> Operand<T> symmetric(ModelContext<T> g, Operand<T> m) {
    Ops tf = g.tf();
    return tf.math.mul(tf.math.add(m, transpose(g, m)), g.constant(0.5));
  }

  private static <T extends TFloating> Operand<T> transpose(ModelContext<T> g, Operand<T> m) {
    return g.tf().linalg.transpose(m, g.tf().constant(new int[] {1, 0}));
  }
}

package hamflow.plugins.flows;

import hamflow.api.NoParameters;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The symplectic scaling {@code Q_k = √ω_k q_k}, {@code P_k = p_k / √ω_k} with learned
 * frequencies {@code ω_k = e^{λ_k}} (variable {@code log-omega}, initially 0: the identity). It
 * maps an oscillator {@code (p² + ω²q²)/2} to {@code ω (Q² + P²)/2}: the last layer of a
 * canonical transformation towards decoupled oscillators carries their frequencies. Each
 * conjugate pair keeps its area, so the map is symplectic with log-det 0.
 */
public final class DiagonalScaling implements BijectiveLayer {

  /** Name of the variable holding {@code ln ω}, shape {@code [n]}. */
  public static final String LOG_OMEGA = "log-omega";

  /** Factory for {@code diagonal-scaling}. */
  public static final LayerFactory<NoParameters> FACTORY = LayerFactory.of("diagonal-scaling",
      "symplectic scaling Q = sqrt(w) q, P = p / sqrt(w) with learned frequencies w",
      NoParameters.class, p -> new DiagonalScaling());

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Ops tf = g.tf();
    Operand<T> logOmega = g.variable(LOG_OMEGA, Initializers.zeros(n), n);
    Operand<T> root = tf.math.exp(tf.math.mul(logOmega, g.constant(0.5)));
    Operand<T> inverseRoot = tf.math.exp(tf.math.mul(logOmega, g.constant(-0.5)));
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return g.phaseSpace(tf.math.mul(g.positions(x, n), root),
            tf.math.mul(g.momenta(x, n), inverseRoot));
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return g.phaseSpace(tf.math.mul(g.positions(z, n), inverseRoot),
            tf.math.mul(g.momenta(z, n), root));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }
}

package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The implicit midpoint rule {@code x' = x + h J∇H((x + x')/2)}: order 2, symmetric, and
 * symplectic for every H, separable or not (it is the one-stage Gauss–Legendre Runge–Kutta
 * method). The implicit equation is solved by fixed-point iteration from the explicit Euler
 * predictor, unrolled in the graph (see {@link FixedPoint}); a step that does not converge fails
 * the run with a message naming this method, its tolerance and its iteration cap.
 */
final class ImplicitMidpoint implements Integrator {
  static final String TYPE = "implicit-midpoint";

  private final FixedPoint.Settings solver;

  ImplicitMidpoint(FixedPointParameters p) {
    this.solver = p.settings(TYPE);
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public boolean requiresSeparable() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    Ops tf = g.tf();
    Operand<T> predictor = tf.math.add(x, tf.math.mul(dt, field.timeDerivative(g, x)));
    return FixedPoint.solve(g, solver, "x(t + dt)", predictor, y -> {
      Operand<T> midpoint = tf.math.mul(g.constant(0.5), tf.math.add(x, y));
      return tf.math.add(x, tf.math.mul(dt, field.timeDerivative(g, midpoint)));
    });
  }
}

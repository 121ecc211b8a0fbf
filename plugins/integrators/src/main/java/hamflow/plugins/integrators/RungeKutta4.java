package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** The classical four-stage Runge–Kutta method on {@code dx/dt = J∇H}: order 4, not symplectic. */
final class RungeKutta4 implements Integrator {
  @Override
  public boolean symplectic() {
    return false;
  }

  @Override
  public int order() {
    return 4;
  }

  @Override
  public boolean requiresSeparable() {
    return false;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    Ops tf = g.tf();
    Operand<T> half = tf.math.mul(g.constant(0.5), dt);
    Operand<T> k1 = field.timeDerivative(g, x);
    Operand<T> k2 = field.timeDerivative(g, tf.math.add(x, tf.math.mul(half, k1)));
    Operand<T> k3 = field.timeDerivative(g, tf.math.add(x, tf.math.mul(half, k2)));
    Operand<T> k4 = field.timeDerivative(g, tf.math.add(x, tf.math.mul(dt, k3)));
    Operand<T> sum =
        tf.math.add(tf.math.add(k1, k4), tf.math.mul(g.constant(2.0), tf.math.add(k2, k3)));
    return tf.math.add(x, tf.math.mul(tf.math.div(dt, g.constant(6.0)), sum));
  }
}

package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Störmer–Verlet for a non-separable H (the generalized leapfrog; Hairer, Lubich & Wanner,
 * Geometric Numerical Integration, VI.3, eq. 3.4), with h = dt:
 *
 * <pre>
 *   p½ = p − h/2 ∂H/∂q(q, p½)                      (implicit in p½)
 *   q' = q + h/2 (∂H/∂p(q, p½) + ∂H/∂p(q', p½))    (implicit in q')
 *   p' = p½ − h/2 ∂H/∂q(q', p½)                    (explicit)
 * </pre>
 *
 * Order 2, symmetric and symplectic for every H. The two implicit stages are solved by
 * fixed-point iteration unrolled in the graph ({@link FixedPoint}). For a separable H both
 * stages are explicit and the method is exactly leapfrog (kick–drift–kick).
 */
final class GeneralizedLeapfrog implements Integrator {
  static final String TYPE = "generalized-leapfrog";

  private final FixedPoint.Settings solver;

  GeneralizedLeapfrog(FixedPointParameters p) {
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
    int n = field.degreesOfFreedom();
    Operand<T> half = tf.math.mul(g.constant(0.5), dt);
    Operand<T> q = g.positions(x, n);
    Operand<T> p = g.momenta(x, n);
    // p½ = p − h/2 ∂H/∂q(q, p½), started from the explicit value at p½ = p.
    Operand<T> pHalf = FixedPoint.solve(g, solver, "p(t + dt/2)", kick(g, field, q, p, p, half),
        y -> kick(g, field, q, y, p, half));
    Operand<T> velocity = g.momenta(field.gradient(g.phaseSpace(q, pHalf)), n);
    // q' = q + h/2 (∂H/∂p(q, p½) + ∂H/∂p(q', p½)), started from q + h ∂H/∂p(q, p½).
    Operand<T> qNext = FixedPoint.solve(g, solver, "q(t + dt)",
        tf.math.add(q, tf.math.mul(dt, velocity)),
        y -> tf.math.add(q, tf.math.mul(half, tf.math.add(velocity,
            g.momenta(field.gradient(g.phaseSpace(y, pHalf)), n)))));
    return g.phaseSpace(qNext, kick(g, field, qNext, pHalf, pHalf, half));
  }

  /** {@code from − h ∂H/∂q(q, p)}: a momentum update with the force evaluated at (q, p). */
  private static <T extends TFloating> Operand<T> kick(GraphContext<T> g, HamiltonianField<T> f,
      Operand<T> q, Operand<T> p, Operand<T> from, Operand<T> h) {
    Operand<T> dHdq = g.positions(f.gradient(g.phaseSpace(q, p)), f.degreesOfFreedom());
    return g.tf().math.sub(from, g.tf().math.mul(h, dHdq));
  }
}

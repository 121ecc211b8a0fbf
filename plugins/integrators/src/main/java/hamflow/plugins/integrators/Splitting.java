package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The two exact sub-flows of a separable {@code H = T(p) + V(q)}: a kick moves p by
 * {@code −h ∂V/∂q} at fixed q, a drift moves q by {@code h ∂T/∂p} at fixed p. Each is symplectic,
 * so every composition of them is.
 */
final class Splitting {
  private Splitting() {}

  static <T extends TFloating> Operand<T> kick(
      GraphContext<T> g, HamiltonianField<T> f, Operand<T> x, Operand<T> h) {
    int n = f.degreesOfFreedom();
    Operand<T> dHdq = g.positions(f.gradient(x), n);
    Operand<T> p = g.tf().math.sub(g.momenta(x, n), g.tf().math.mul(h, dHdq));
    return g.phaseSpace(g.positions(x, n), p);
  }

  static <T extends TFloating> Operand<T> drift(
      GraphContext<T> g, HamiltonianField<T> f, Operand<T> x, Operand<T> h) {
    int n = f.degreesOfFreedom();
    Operand<T> dHdp = g.momenta(f.gradient(x), n);
    Operand<T> q = g.tf().math.add(g.positions(x, n), g.tf().math.mul(h, dHdp));
    return g.phaseSpace(q, g.momenta(x, n));
  }
}

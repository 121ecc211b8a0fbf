package hamflow.plugins.losses;

import hamflow.api.Param;
import hamflow.api.objective.FlowObjective;
import hamflow.api.objective.ObjectiveContext;
import hamflow.api.objective.ObjectiveData;
import hamflow.api.objective.ObjectiveFactory;
import hamflow.api.system.HamiltonianSystem;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The {@code ∂K/∂φ} form of integrability (Bondesan & Lamacraft 2019): the transformed
 * Hamiltonian {@code K = H ∘ T⁻¹} should not depend on the latent angles. For the canonical pair
 * (φ_k, I_k) of latent plane k, Hamilton's equations give {@code ∂K/∂φ_k = −dI_k/dt}, and the
 * rate along the flow of H is {@code dI_k/dt = Q_k Q̇_k + P_k Ṗ_k} with
 * {@code (Q̇, Ṗ) = (∂T/∂x) J∇H(x)}. So it needs states, not trajectories, and the system's H.
 *
 * <p>Loss: per k, {@code ⟨(dI_k/dt)²⟩ / (⟨I_k⟩² + ε)} over the batch, averaged over k —
 * relative, so that shrinking a latent plane cannot lower it (units: 1/time²). Reports
 * {@code angle-derivative}: the mean over k of {@code √⟨(dI_k/dt)²⟩ / ⟨I_k⟩}, the relative rate
 * at which the actions change.
 *
 * <p>The directional derivative {@code (∂T/∂x) v} is a central difference
 * {@code (T(x + hv) − T(x − hv)) / 2h} along the field v (h in units of time): first-order
 * autodiff through two forward passes trains it, where an exact Jacobian–vector product would
 * need second derivatives of every layer. Its error is O(h²) in truncation and O(ε_mach/h) in
 * round-off: h = 1e-5 gives about 1e-10 relative in float64, 3e-3 about 1e-4 in float32 (the
 * defaults for {@code step: 0}).
 */
public final class AngleDerivative implements FlowObjective {

  /** Parameters of {@code angle-derivative}. */
  public record Parameters(
      @Param(value = "time step h of the central difference along the Hamiltonian flow; 0 picks"
              + " 1e-5 in float64 and 3e-3 in float32", defaultValue = "0", min = 0)
          double step,
      @Param(value = "added to the squared mean action so that a vanishing action stays finite",
              defaultValue = "1e-8", min = 0)
          double epsilon) {}

  /** Factory for {@code angle-derivative}. */
  public static final ObjectiveFactory<Parameters> FACTORY = ObjectiveFactory.of(
      "angle-derivative", "dK/dphi = -dI/dt of the latent actions on states, from the system's H",
      Parameters.class, AngleDerivative::new);

  private final Parameters p;

  AngleDerivative(Parameters p) {
    this.p = p;
  }

  @Override
  public ObjectiveData data() {
    return ObjectiveData.STATES;
  }

  @Override
  public boolean needsSystem() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> build(ObjectiveContext<T> c) {
    Ops tf = c.tf();
    int n = c.degreesOfFreedom();
    Operand<T> x = c.batch(); // [batch, 2n]
    Operand<T> v = tf.stopGradient(hamiltonianField(c, x));
    double h = p.step() > 0 ? p.step() : c.dtype() == TFloat32.class ? 3e-3 : 1e-5;
    Operand<T> hv = tf.math.mul(v, c.constant(h));
    // One pass over [x; x + hv; x − hv]: a layer that uses batch statistics (zero-center while
    // training) then shifts all three by the same mean, mean(x), as a per-state derivative needs.
    List<Output<T>> out = tf.split(tf.constant(0),
        c.flow().forward(tf.concat(List.of(x, tf.math.add(x, hv), tf.math.sub(x, hv)),
            tf.constant(0))), 3L).output();
    Operand<T> z = out.get(0);
    Operand<T> dz = tf.math.div(tf.math.sub(out.get(1), out.get(2)), c.constant(2 * h));
    Operand<T> zdz = tf.math.mul(z, dz);
    Operand<T> rate = tf.math.add(c.positions(zdz, n), c.momenta(zdz, n)); // dI_k/dt [batch, n]
    Operand<T> actions = LatentActions.ofLatent(c, z); // [batch, n]
    Operand<T> meanSquareRate = tf.math.mean(tf.math.square(rate), tf.constant(0));
    Operand<T> meanAction = tf.math.mean(actions, tf.constant(0));
    Operand<T> relative = tf.math.div(meanSquareRate,
        tf.math.add(tf.math.square(meanAction), c.constant(p.epsilon()))); // [n]
    c.report("angle-derivative", tf.math.mean(tf.math.sqrt(relative), tf.constant(0)));
    return tf.math.mean(relative, tf.constant(0));
  }

  /** {@code J∇H(x) = (∂H/∂p, −∂H/∂q)}, with the system's closed-form gradient where it has one. */
  private static <T extends TFloating> Operand<T> hamiltonianField(
      ObjectiveContext<T> c, Operand<T> x) {
    HamiltonianSystem system = c.system().orElseThrow();
    Ops tf = c.tf();
    int n = c.degreesOfFreedom();
    Operand<T> grad = system.gradient(c, x).orElseGet(() -> {
      Operand<T> h = tf.sum(system.hamiltonian(c, x), tf.constant(0));
      // The field is held constant in the loss (stopGradient in build), so nothing
      // differentiates this gradient again: a plain ones seed will do.
      Gradients g = tf.gradients(List.of(h), List.of(x),
          Gradients.dx(List.of(tf.onesLike(h))));
      return g.<T>dy(0);
    });
    return c.phaseSpace(c.momenta(grad, n), tf.math.neg(c.positions(grad, n)));
  }
}

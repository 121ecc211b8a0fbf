package hamflow.runtime.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.model.ModelContext;
import hamflow.api.nn.Activation;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The time-{@code t} flow of a learned separable Hamiltonian {@code G(q, p) = T(p) + V(q)} (two
 * MLPs, variables {@code kinetic/…} and {@code potential/…}), discretised by {@code steps} steps
 * of an explicit, symplectic, time-symmetric integrator: a symplectic map for any weights (each
 * step is a composition of exact kicks and drifts), log-det 0. Symmetry gives the inverse: a step
 * with {@code −dt} undoes a step with {@code dt} exactly up to round-off (every kick and drift is
 * undone by its negative, in reverse order), so {@code inverse} integrates with {@code −dt}.
 *
 * <p>Shapes {@code [batch, 2n]} in and out. ∇G comes from the networks' closed-form input
 * gradients ({@link ScalarNetwork}, NTK-parametrised), so training differentiates plain forward
 * ops. Created by {@link ContinuousFlowFactory}, which
 * checks the integrator.
 */
final class ContinuousFlow implements BijectiveLayer {
  private final ContinuousFlowFactory.Parameters params;
  private final Integrator integrator;

  ContinuousFlow(ContinuousFlowFactory.Parameters params, Integrator integrator) {
    this.params = params;
    this.integrator = integrator;
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    Activation activation = params.activation();
    ScalarNetwork<T> kinetic =
        new ScalarNetwork<>(g, "kinetic", n, params.width(), params.depth(), activation);
    ScalarNetwork<T> potential =
        new ScalarNetwork<>(g, "potential", n, params.width(), params.depth(), activation);
    HamiltonianField<T> field = new HamiltonianField<>() {
      @Override
      public int degreesOfFreedom() {
        return n;
      }

      @Override
      public boolean separable() {
        return true;
      }

      @Override
      public Operand<T> gradient(Operand<T> x) {
        return g.phaseSpace(potential.inputGradient(g.positions(x, n)),
            kinetic.inputGradient(g.momenta(x, n)));
      }
    };
    double dt = params.time() / params.steps();
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return integrate(x, dt);
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return integrate(z, -dt);
      }

      private Operand<T> integrate(Operand<T> x, double h) {
        Operand<T> step = g.constant(h);
        Operand<T> y = x;
        for (int k = 0; k < params.steps(); k++) {
          y = integrator.step(g, field, y, step);
        }
        return y;
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return g.tf().zerosLike(g.tf().reduceSum(x, g.tf().constant(1)));
      }
    };
  }
}

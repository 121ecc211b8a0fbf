package hamflow.plugins.models;

import hamflow.api.Param;
import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.model.ModelContext;
import hamflow.api.model.ModelFactory;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Mlp;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A separable HNN {@code H_θ = T_θ(p) + V_θ(q)}, two MLPs. Its field is separable, so explicit
 * splitting integrators (leapfrog, Yoshida) can advance it and stay symplectic.
 */
public final class SeparableHnn implements Model {

  /** Parameters of {@code separable-hnn}. */
  public record Parameters(
      @Param(value = "units per hidden layer of T and of V", defaultValue = "200", min = 1) int width,
      @Param(value = "number of hidden layers of T and of V", defaultValue = "2", min = 1, max = 16)
          int depth,
      @Param(value = "hidden activation", defaultValue = "tanh") Activation activation,
      @Param(value = "orthogonal weight initialisation (else U[±1/sqrt(fan-in)])",
              defaultValue = "true")
          boolean orthogonal) {}

  /** Factory for {@code separable-hnn}. */
  public static final ModelFactory<Parameters> FACTORY =
      ModelFactory.of("separable-hnn", "separable HNN H = T(p) + V(q), two MLPs",
          Parameters.class, SeparableHnn::new);

  private final Parameters params;

  public SeparableHnn(Parameters params) {
    this.params = params;
  }

  @Override
  public <T extends TFloating> LearnedField<T> build(ModelContext<T> g, int n) {
    Mlp<T> kinetic = Mlp.create(g, "kinetic", n, NetworkShape.hidden(params.width(), params.depth()),
        1, params.activation(), params.orthogonal(), false);
    Mlp<T> potential = Mlp.create(g, "potential", n,
        NetworkShape.hidden(params.width(), params.depth()), 1, params.activation(),
        params.orthogonal(), false);
    return new Hnn.HamiltonianModel<>(g, n, true) {
      @Override
      Operand<T> energy(Operand<T> x) {
        return g.tf().math.add(kinetic.apply(g.momenta(x, n)), potential.apply(g.positions(x, n)));
      }

      @Override
      public Operand<T> gradient(Operand<T> x) {
        return g.phaseSpace(potential.inputGradient(g.positions(x, n)),
            kinetic.inputGradient(g.momenta(x, n)));
      }
    };
  }
}

package hamflow.plugins.models;

import hamflow.api.Param;
import hamflow.api.integrate.HamiltonianField;
import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.model.ModelContext;
import hamflow.api.model.ModelFactory;
import hamflow.api.nn.Activation;
import hamflow.api.nn.Mlp;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A Hamiltonian neural network (Greydanus, Dzamba & Yosinski 2019): an MLP {@code H_θ(q, p)}
 * with a scalar output and no output bias, whose symplectic gradient
 * {@code (∂H_θ/∂p, −∂H_θ/∂q)} is the predicted vector field. The learned field therefore
 * conserves {@code H_θ} exactly and is a Hamiltonian field any integrator can advance.
 */
public final class Hnn implements Model {

  /** Parameters of {@code hnn}. */
  public record Parameters(
      @Param(value = "units per hidden layer", defaultValue = "200", min = 1) int width,
      @Param(value = "number of hidden layers", defaultValue = "2", min = 1, max = 16) int depth,
      @Param(value = "hidden activation", defaultValue = "tanh") Activation activation,
      @Param(value = "orthogonal weight initialisation (else U[±1/sqrt(fan-in)])",
              defaultValue = "true")
          boolean orthogonal,
      @Param(value = "how dH/dx is computed: closed-form (faster) or autodiff",
              defaultValue = "closed-form")
          InputGradient gradient) {}

  /** Factory for {@code hnn}. */
  public static final ModelFactory<Parameters> FACTORY =
      ModelFactory.of("hnn", "Hamiltonian neural network: MLP H(q, p), field (dH/dp, -dH/dq)",
          Parameters.class, Hnn::new);

  private final Parameters params;

  public Hnn(Parameters params) {
    this.params = params;
  }

  @Override
  public <T extends TFloating> LearnedField<T> build(ModelContext<T> g, int n) {
    Mlp<T> mlp = Mlp.create(g, "hnn", 2 * n, NetworkShape.hidden(params.width(), params.depth()),
        1, params.activation(), params.orthogonal(), false);
    return new HamiltonianModel<>(g, n, false) {
      @Override
      Operand<T> energy(Operand<T> x) {
        return mlp.apply(x);
      }

      @Override
      public Operand<T> gradient(Operand<T> x) {
        return params.gradient() == InputGradient.CLOSED_FORM
            ? mlp.inputGradient(x)
            : g.gradient(mlp.apply(x), x);
      }
    };
  }

  /** The learned field of a model that learns {@code H}; subclasses give H and its gradient. */
  abstract static class HamiltonianModel<T extends TFloating>
      implements LearnedField<T>, HamiltonianField<T> {
    final ModelContext<T> g;
    private final int n;
    private final boolean separable;

    HamiltonianModel(ModelContext<T> g, int n, boolean separable) {
      this.g = g;
      this.n = n;
      this.separable = separable;
    }

    /** {@code H_θ} as {@code [batch, 1]}. */
    abstract Operand<T> energy(Operand<T> x);

    @Override
    public int degreesOfFreedom() {
      return n;
    }

    @Override
    public boolean separable() {
      return separable;
    }

    @Override
    public Operand<T> timeDerivative(Operand<T> x) {
      return timeDerivative(g, x);
    }

    @Override
    public Optional<Operand<T>> hamiltonian(Operand<T> x) {
      return Optional.of(g.tf().reshape(energy(x), g.tf().constant(new long[] {-1})));
    }

    @Override
    public Optional<HamiltonianField<T>> asHamiltonianField() {
      return Optional.of(this);
    }
  }
}

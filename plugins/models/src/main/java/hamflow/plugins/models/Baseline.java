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
 * The non-Hamiltonian baseline of Greydanus et al.: an MLP {@code 2n → … → 2n} that predicts
 * {@code dx/dt} directly. Nothing makes its field conserve anything, which is the point of the
 * comparison.
 */
public final class Baseline implements Model {

  /** Parameters of {@code baseline}. */
  public record Parameters(
      @Param(value = "units per hidden layer", defaultValue = "200", min = 1) int width,
      @Param(value = "number of hidden layers", defaultValue = "2", min = 1, max = 16) int depth,
      @Param(value = "hidden activation", defaultValue = "tanh") Activation activation,
      @Param(value = "orthogonal weight initialisation (else U[±1/sqrt(fan-in)])",
              defaultValue = "true")
          boolean orthogonal,
      @Param(value = "bias on the output layer (the peers use none)", defaultValue = "false")
          boolean outputBias) {}

  /** Factory for {@code baseline}. */
  public static final ModelFactory<Parameters> FACTORY =
      ModelFactory.of("baseline", "MLP predicting dx/dt directly (no Hamiltonian structure)",
          Parameters.class, Baseline::new);

  private final Parameters params;

  public Baseline(Parameters params) {
    this.params = params;
  }

  @Override
  public <T extends TFloating> LearnedField<T> build(ModelContext<T> g, int n) {
    Mlp<T> mlp = Mlp.create(g, "baseline", 2 * n,
        NetworkShape.hidden(params.width(), params.depth()), 2 * n, params.activation(),
        params.orthogonal(), params.outputBias());
    return new LearnedField<>() {
      @Override
      public Operand<T> timeDerivative(Operand<T> x) {
        return mlp.apply(x);
      }
    };
  }
}

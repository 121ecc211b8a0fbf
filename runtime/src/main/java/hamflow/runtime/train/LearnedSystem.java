package hamflow.runtime.train;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import hamflow.runtime.tf.TfGraph;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * A trained Hamiltonian model as a {@link HamiltonianSystem}, so any integrator and job can
 * simulate it: the weights are frozen as constants, built once per graph. Initial states come
 * from the system it was trained on (when known).
 */
public final class LearnedSystem implements HamiltonianSystem {
  private final Model model;
  private final int n;
  private final Map<String, double[]> weights;
  private final boolean separable;
  private final Function<RandomGenerator, double[]> sampler;
  private final Map<GraphContext<?>, LearnedField<?>> built = new IdentityHashMap<>();

  /**
   * The trained {@code model} as a system; {@code what} names it in the error raised when the
   * model learns no Hamiltonian (a baseline). Whether it is separable is read from the model
   * built once in a scratch graph.
   */
  public static LearnedSystem of(Model model, int n, Map<String, double[]> weights,
      Function<RandomGenerator, double[]> sampler, String what) {
    boolean separable;
    try (TfGraph<TFloat64> probe = TfGraph.create(TFloat64.class)) {
      separable = model.build(new FrozenVariables<>(probe, weights, ""), n).asHamiltonianField()
          .map(HamiltonianField::separable).orElseThrow(() -> new IllegalArgumentException(
              what + " learns no Hamiltonian"));
    }
    return new LearnedSystem(model, n, weights, separable, sampler);
  }

  private LearnedSystem(Model model, int n, Map<String, double[]> weights, boolean separable,
      Function<RandomGenerator, double[]> sampler) {
    this.model = model;
    this.n = n;
    this.weights = weights;
    this.separable = separable;
    this.sampler = sampler;
  }

  @SuppressWarnings("unchecked")
  private <T extends TFloating> LearnedField<T> field(GraphContext<T> g) {
    if (!(g instanceof TfGraph<T> graph)) {
      throw new IllegalStateException("a learned system is built in the runtime's own graphs");
    }
    return (LearnedField<T>) built.computeIfAbsent(g,
        k -> model.build(new FrozenVariables<>(graph, weights, ""), n));
  }

  @Override
  public int degreesOfFreedom() {
    return n;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    return field(g).hamiltonian(x).orElseThrow(() -> new IllegalStateException(
        "the model learns no Hamiltonian; only HNN-type models can be simulated as systems"));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    return field(g).asHamiltonianField().map(f -> f.gradient(x));
  }

  @Override
  public boolean separable() {
    return separable;
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    return sampler.apply(random);
  }
}

package hamflow.plugins.systems;

import hamflow.api.Param;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.system.SystemFactory;
import hamflow.api.tf.GraphContext;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The mass–spring task of Greydanus et al. 2019, {@code H = q² + p²} (their units: angular
 * frequency 2), with their initial-state ring of radius U[0.1, 1.0] by default.
 */
public final class MassSpring implements HamiltonianSystem {

  /** Parameters of {@code mass-spring}. */
  public record Parameters(
      @Param(value = "smallest radius of a sampled state", defaultValue = "0.1", min = 0)
          double radiusMin,
      @Param(value = "largest radius of a sampled state", defaultValue = "1.0", min = 0)
          double radiusMax) {
    public Parameters {
      RingSampler.checkRange(radiusMin, radiusMax);
    }
  }

  /** Factory for {@code mass-spring}. */
  public static final SystemFactory<Parameters> FACTORY =
      SystemFactory.of(
          "mass-spring",
          "mass-spring of the HNN paper, H = q^2 + p^2",
          Parameters.class,
          MassSpring::new);

  private final Parameters params;

  public MassSpring(Parameters params) {
    this.params = params;
  }

  @Override
  public int degreesOfFreedom() {
    return 1;
  }

  @Override
  public boolean separable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
    Ops tf = g.tf();
    return tf.sum(tf.math.square(x), tf.constant(1));
  }

  @Override
  public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
    return Optional.of(g.tf().math.mul(g.constant(2.0), x));
  }

  @Override
  public double[] sampleInitialState(RandomGenerator random) {
    return RingSampler.sample(random, params.radiusMin(), params.radiusMax(), 0.0);
  }
}

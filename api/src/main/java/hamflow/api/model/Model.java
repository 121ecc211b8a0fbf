package hamflow.api.model;

import org.tensorflow.types.family.TFloating;

/**
 * A trainable model of dynamics: a Hamiltonian neural network, a baseline that predicts the
 * field directly, and so on. Created by a {@link ModelFactory} from its descriptor section, then
 * built into the runtime's graph once per job.
 */
public interface Model {

  /**
   * Adds the model's variables and ops for a phase space of {@code degreesOfFreedom} = n
   * coordinates. Must be called once per graph; the returned field may be applied to any
   * number of inputs (it shares the variables).
   */
  <T extends TFloating> LearnedField<T> build(ModelContext<T> g, int degreesOfFreedom);
}

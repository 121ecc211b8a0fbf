package hamflow.api.objective;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import hamflow.api.system.HamiltonianSystem;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * What a {@link FlowObjective} is handed: the graph and runtime-owned variables (as a
 * {@link ModelContext}: an objective may add its own trainable variables, such as learned
 * frequencies, named uniquely within the objective), the flow, the system and one batch.
 *
 * @param <T> the graph's floating dtype
 */
public interface ObjectiveContext<T extends TFloating> extends ModelContext<T> {

  /**
   * The flow under training, {@code z = T(x)} from phase space to the latent space; its
   * {@code inverse} pushes latent samples to phase space.
   */
  BijectiveLayer.Built<T> flow();

  /**
   * The same flow (same variable values) with the gradients to its variables stopped: the
   * loss's value through it is unchanged, but only the path through {@link #flow()} trains.
   * Objectives use it for path-derivative ("sticking the landing", Roeder et al. 2017)
   * estimators, whose gradient variance vanishes when the flow is exact.
   */
  BijectiveLayer.Built<T> flowWithoutGradients();

  /** n: the batches are {@code [..., 2n]}. */
  int degreesOfFreedom();

  /** The descriptor's system, for objectives that score states with its {@code H}. */
  Optional<HamiltonianSystem> system();

  /**
   * One batch of the examples {@link FlowObjective#data()} asked for: {@code [batch, 2n]} states
   * or {@code [batch, points, 2n]} trajectories; a fresh minibatch each training step.
   *
   * @throws IllegalStateException for an objective whose data is {@link ObjectiveData#NONE}
   */
  Operand<T> batch();

  /** The number of samples an objective that draws its own should draw per step. */
  int batchSize();

  /**
   * Standard normal draws of the given shape, new each training step and reproducible from the
   * descriptor's seed (different calls give independent draws).
   */
  Operand<T> standardNormal(long... shape);

  /**
   * Records a scalar (shape {@code []}) under {@code name}: logged with the loss and written to
   * {@code metrics.json} from the evaluation graph.
   */
  void report(String name, Operand<T> scalar);
}

package hamflow.api.objective;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A training objective for a flow (a {@code layers:} stack): the scalar a {@code job: flow}
 * minimises over the flow's variables and the objective's own (for example the frequencies of a
 * latent-harmonic prior). Examples: maximum likelihood on samples, the variational free energy
 * of a system's Boltzmann distribution, the variation of latent actions along trajectories.
 *
 * <p>The runtime prepares what {@link #data()} asks for, calls {@link #build} once per graph
 * (a training graph on minibatches, an evaluation graph in float64 with frozen weights), and
 * minimises the returned scalar with Adam.
 */
public interface FlowObjective {

  /** The examples the objective reads: none, phase-space samples, or trajectories. */
  ObjectiveData data();

  /**
   * Whether the objective needs the descriptor's {@code system:} (its {@code H}); the runtime
   * reports a descriptor error before any work when it is missing.
   */
  boolean needsSystem();

  /**
   * The scalar loss, shape {@code []}, of one batch. Extra scalars worth reporting (a
   * free-energy bound, a mean action spread) go to {@link ObjectiveContext#report}. May throw
   * {@link IllegalArgumentException} with a message for the user when the descriptor cannot
   * serve this objective.
   */
  <T extends TFloating> Operand<T> build(ObjectiveContext<T> c);
}

package hamflow.api;

import hamflow.api.flow.LayerFactory;
import hamflow.api.integrate.IntegratorFactory;
import hamflow.api.loss.LossFactory;
import hamflow.api.model.ModelFactory;
import hamflow.api.objective.ObjectiveFactory;
import hamflow.api.system.SystemFactory;
import java.util.List;

/**
 * The one entry point of a plugin jar, found with {@link java.util.ServiceLoader}: declare it with
 * {@code provides hamflow.api.Plugin with ...} in {@code module-info.java} and in
 * {@code META-INF/services/hamflow.api.Plugin}, so the jar works on the module path and the class
 * path alike.
 *
 * <p>Each getter returns the factories of one kind and is empty by default, so a kind added to
 * Hamflow later never breaks an existing plugin. Type names must be unique across every loaded
 * plugin: two plugins claiming one name is an error that names both jars.
 *
 * <p>An implementation needs a public no-argument constructor and must not hold state shared
 * between experiments: the runtime may call the getters more than once.
 */
public interface Plugin {

  /** Hamiltonian systems this plugin contributes. */
  default List<SystemFactory<?>> systems() {
    return List.of();
  }

  /** Time integrators this plugin contributes. */
  default List<IntegratorFactory<?>> integrators() {
    return List.of();
  }

  /** Trainable models of dynamics (Hamiltonian neural networks, baselines). */
  default List<ModelFactory<?>> models() {
    return List.of();
  }

  /** Training objectives for models. */
  default List<LossFactory<?>> losses() {
    return List.of();
  }

  /** Bijective (and symplectic) layers for flow stacks. */
  default List<LayerFactory<?>> layers() {
    return List.of();
  }

  /** Objectives that flows ({@code job: flow}) are trained on. */
  default List<ObjectiveFactory<?>> objectives() {
    return List.of();
  }
}

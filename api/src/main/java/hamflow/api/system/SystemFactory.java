package hamflow.api.system;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates a {@link HamiltonianSystem} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#systems()} and named in descriptors under {@code system: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface SystemFactory<P extends Record> extends Factory<P, HamiltonianSystem> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> SystemFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends HamiltonianSystem> create) {
    return new SimpleSystemFactory<>(type, description, parameters, create);
  }
}

package hamflow.api.integrate;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates an {@link Integrator} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#integrators()} and named in descriptors under
 * {@code integrator: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface IntegratorFactory<P extends Record> extends Factory<P, Integrator> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> IntegratorFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends Integrator> create) {
    return new SimpleIntegratorFactory<>(type, description, parameters, create);
  }
}

package hamflow.api.integrate;

import hamflow.api.Factory;

/**
 * Creates an {@link Integrator} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#integrators()} and named in descriptors under
 * {@code integrator: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface IntegratorFactory<P extends Record> extends Factory<P, Integrator> {}

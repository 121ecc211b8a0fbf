package hamflow.api.system;

import hamflow.api.Factory;

/**
 * Creates a {@link HamiltonianSystem} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#systems()} and named in descriptors under {@code system: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface SystemFactory<P extends Record> extends Factory<P, HamiltonianSystem> {}

package hamflow.api.loss;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates a {@link Loss} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#losses()} and named in descriptors under {@code loss: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface LossFactory<P extends Record> extends Factory<P, Loss> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> LossFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends Loss> create) {
    record Simple<P extends Record>(String type, String description, Class<P> parameters,
        Function<? super P, ? extends Loss> creator) implements LossFactory<P> {
      @Override
      public Loss create(P p) {
        return creator.apply(p);
      }
    }
    return new Simple<>(type, description, parameters, create);
  }
}

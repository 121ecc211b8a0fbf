package hamflow.api.model;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates a {@link Model} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#models()} and named in descriptors under {@code model: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface ModelFactory<P extends Record> extends Factory<P, Model> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> ModelFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends Model> create) {
    record Simple<P extends Record>(String type, String description, Class<P> parameters,
        Function<? super P, ? extends Model> creator) implements ModelFactory<P> {
      @Override
      public Model create(P p) {
        return creator.apply(p);
      }
    }
    return new Simple<>(type, description, parameters, create);
  }
}

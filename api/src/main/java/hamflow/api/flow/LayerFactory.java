package hamflow.api.flow;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates a {@link BijectiveLayer} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#layers()} and named in a descriptor's {@code layers:} list as
 * {@code {type: ..., <parameters>}}. {@link #create} may be called several times with the same
 * parameters (a {@code repeat:} block): each call returns an independent layer.
 *
 * @param <P> the parameter record
 */
public interface LayerFactory<P extends Record> extends Factory<P, BijectiveLayer> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> LayerFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends BijectiveLayer> create) {
    record Simple<P extends Record>(String type, String description, Class<P> parameters,
        Function<? super P, ? extends BijectiveLayer> creator) implements LayerFactory<P> {
      @Override
      public BijectiveLayer create(P p) {
        return creator.apply(p);
      }
    }
    return new Simple<>(type, description, parameters, create);
  }
}

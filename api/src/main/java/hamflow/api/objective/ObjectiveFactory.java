package hamflow.api.objective;

import hamflow.api.Factory;
import java.util.function.Function;

/**
 * Creates a {@link FlowObjective} from its bound parameter record. Listed by
 * {@link hamflow.api.Plugin#objectives()} and named in descriptors of {@code job: flow} under
 * {@code objective: {type: ...}}.
 *
 * @param <P> the parameter record
 */
public interface ObjectiveFactory<P extends Record> extends Factory<P, FlowObjective> {

  /** A factory from its type name, one-line description, parameter record and constructor. */
  static <P extends Record> ObjectiveFactory<P> of(
      String type, String description, Class<P> parameters,
      Function<? super P, ? extends FlowObjective> create) {
    record Simple<P extends Record>(String type, String description, Class<P> parameters,
        Function<? super P, ? extends FlowObjective> creator) implements ObjectiveFactory<P> {
      @Override
      public FlowObjective create(P p) {
        return creator.apply(p);
      }
    }
    return new Simple<>(type, description, parameters, create);
  }
}

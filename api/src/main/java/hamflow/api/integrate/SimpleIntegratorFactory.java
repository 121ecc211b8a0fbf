package hamflow.api.integrate;

import java.util.function.Function;

/** The {@link IntegratorFactory} that {@link IntegratorFactory#of} builds from its four parts. */
record SimpleIntegratorFactory<P extends Record>(
    String type, String description, Class<P> parameters,
    Function<? super P, ? extends Integrator> creator)
    implements IntegratorFactory<P> {

  @Override
  public Integrator create(P p) {
    return creator.apply(p);
  }
}

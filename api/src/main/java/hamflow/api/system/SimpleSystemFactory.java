package hamflow.api.system;

import java.util.function.Function;

/** The {@link SystemFactory} that {@link SystemFactory#of} builds from its four parts. */
record SimpleSystemFactory<P extends Record>(
    String type, String description, Class<P> parameters,
    Function<? super P, ? extends HamiltonianSystem> creator)
    implements SystemFactory<P> {

  @Override
  public HamiltonianSystem create(P p) {
    return creator.apply(p);
  }
}

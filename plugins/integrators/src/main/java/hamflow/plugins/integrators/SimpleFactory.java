package hamflow.plugins.integrators;

import hamflow.api.NoParameters;
import hamflow.api.integrate.Integrator;
import hamflow.api.integrate.IntegratorFactory;

/** Factory of a stateless integrator without parameters (the step size is the job's). */
record SimpleFactory(String type, String description, Integrator integrator)
    implements IntegratorFactory<NoParameters> {

  static SimpleFactory of(String type, String description, Integrator integrator) {
    return new SimpleFactory(type, description, integrator);
  }

  @Override
  public Class<NoParameters> parameters() {
    return NoParameters.class;
  }

  @Override
  public Integrator create(NoParameters parameters) {
    return integrator;
  }
}

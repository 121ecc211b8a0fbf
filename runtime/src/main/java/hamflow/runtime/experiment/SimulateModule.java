package hamflow.runtime.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.simulate.SimulateDescriptor;

/**
 * Wires a simulate experiment: the bound descriptor in, plugin objects created from their
 * factories, and the job built from them. The one place these objects find each other.
 */
final class SimulateModule extends AbstractModule {
  private final SimulateDescriptor descriptor;
  private final ObjectNode resolved;
  private final boolean showProgress;

  SimulateModule(SimulateDescriptor descriptor, ObjectNode resolved, boolean showProgress) {
    this.descriptor = descriptor;
    this.resolved = resolved;
    this.showProgress = showProgress;
  }

  @Override
  protected void configure() {
    bind(SimulateDescriptor.class).toInstance(descriptor);
    bind(ObjectNode.class).annotatedWith(Names.named("resolved")).toInstance(resolved);
    bind(Boolean.class).annotatedWith(Names.named("progress")).toInstance(showProgress);
  }

  @Provides
  @Singleton
  HamiltonianSystem system() {
    return descriptor.system().create(HamiltonianSystem.class);
  }

  @Provides
  @Singleton
  Integrator integrator() {
    return descriptor.integrator().create(Integrator.class);
  }
}

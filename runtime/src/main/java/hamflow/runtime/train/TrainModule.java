package hamflow.runtime.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.name.Names;

/** Wires a train experiment: the bound descriptor and its resolved tree into the job. */
public final class TrainModule extends AbstractModule {
  private final TrainDescriptor descriptor;
  private final ObjectNode resolved;
  private final boolean showProgress;

  public TrainModule(TrainDescriptor descriptor, ObjectNode resolved, boolean showProgress) {
    this.descriptor = descriptor;
    this.resolved = resolved;
    this.showProgress = showProgress;
  }

  @Override
  protected void configure() {
    bind(TrainDescriptor.class).toInstance(descriptor);
    bind(ObjectNode.class).annotatedWith(Names.named("resolved")).toInstance(resolved);
    bind(Boolean.class).annotatedWith(Names.named("progress")).toInstance(showProgress);
  }
}

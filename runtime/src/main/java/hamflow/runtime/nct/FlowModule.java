package hamflow.runtime.nct;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.name.Names;

/** Wires a flow experiment: the bound descriptor and its resolved tree into the job. */
public final class FlowModule extends AbstractModule {
  private final FlowDescriptor descriptor;
  private final ObjectNode resolved;
  private final boolean showProgress;

  public FlowModule(FlowDescriptor descriptor, ObjectNode resolved, boolean showProgress) {
    this.descriptor = descriptor;
    this.resolved = resolved;
    this.showProgress = showProgress;
  }

  @Override
  protected void configure() {
    bind(FlowDescriptor.class).toInstance(descriptor);
    bind(ObjectNode.class).annotatedWith(Names.named("resolved")).toInstance(resolved);
    bind(Boolean.class).annotatedWith(Names.named("progress")).toInstance(showProgress);
  }
}

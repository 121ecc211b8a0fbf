package hamflow.plugins.models;

import hamflow.api.Plugin;
import hamflow.api.model.ModelFactory;
import java.util.List;

/** The bundled models. */
public final class ModelsPlugin implements Plugin {
  @Override
  public List<ModelFactory<?>> models() {
    return List.of(Hnn.FACTORY, SeparableHnn.FACTORY, Baseline.FACTORY);
  }
}

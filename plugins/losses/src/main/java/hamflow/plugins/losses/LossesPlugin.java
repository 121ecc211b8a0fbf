package hamflow.plugins.losses;

import hamflow.api.Plugin;
import hamflow.api.loss.LossFactory;
import hamflow.api.objective.ObjectiveFactory;
import java.util.List;

/** The bundled losses. */
public final class LossesPlugin implements Plugin {
  @Override
  public List<LossFactory<?>> losses() {
    return List.of(FieldMatching.FACTORY, TrajectoryMatching.FACTORY);
  }

  @Override
  public List<ObjectiveFactory<?>> objectives() {
    return List.of(FreeEnergy.FACTORY, Likelihood.FACTORY, Mixed.FACTORY, Integrability.FACTORY,
        AngleDerivative.FACTORY, LatentHarmonic.FACTORY);
  }
}

package hamflow.plugins.flows;

import hamflow.api.Plugin;
import hamflow.api.flow.LayerFactory;
import java.util.List;

/** The bundled layers. */
public final class FlowsPlugin implements Plugin {
  @Override
  public List<LayerFactory<?>> layers() {
    return List.of(Exchange.FACTORY, SymplecticShear.FACTORY_P, SymplecticShear.FACTORY_Q,
        LinearSymplectic.FACTORY, Coupling.ADDITIVE, Coupling.AFFINE, DiagonalScaling.FACTORY,
        PointTransformation.FACTORY, ZeroCenter.FACTORY, LinearSymplecticNak.FACTORY,
        Oscillator.FACTORY);
  }
}

package hamflow.plugins.systems;

import hamflow.api.Plugin;
import hamflow.api.system.SystemFactory;
import java.util.List;

/** The systems shipped with Hamflow. */
public final class SystemsPlugin implements Plugin {
  @Override
  public List<SystemFactory<?>> systems() {
    return List.of(
        HarmonicOscillator.FACTORY,
        MassSpring.FACTORY,
        RingPotential.FACTORY,
        Pendulum.FACTORY,
        DoubleWell.FACTORY,
        HenonHeiles.FACTORY,
        HarmonicChain.FACTORY,
        Kepler.FACTORY,
        DoublePendulum.FACTORY,
        TwoBody.FACTORY,
        ThreeBody.FACTORY,
        Fput.FACTORY,
        Toda.FACTORY,
        CalogeroMoser.FACTORY,
        CoulombGas.FACTORY);
  }
}

package hamflow.plugins.systems;

import hamflow.api.Plugin;
import hamflow.api.system.SystemFactory;
import java.util.List;

/** The systems shipped with Hamflow. */
public final class SystemsPlugin implements Plugin {
  @Override
  public List<SystemFactory<?>> systems() {
    return List.of(
        new HarmonicOscillator.Factory(),
        new MassSpring.Factory(),
        new Pendulum.Factory(),
        new DoubleWell.Factory(),
        new HenonHeiles.Factory(),
        new HarmonicChain.Factory(),
        new Kepler.Factory());
  }
}

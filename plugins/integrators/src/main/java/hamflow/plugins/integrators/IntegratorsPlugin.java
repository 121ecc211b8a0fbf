package hamflow.plugins.integrators;

import hamflow.api.Plugin;
import hamflow.api.integrate.IntegratorFactory;
import java.util.List;

/** The integrators shipped with Hamflow. */
public final class IntegratorsPlugin implements Plugin {
  @Override
  public List<IntegratorFactory<?>> integrators() {
    return List.of(
        SimpleFactory.of("symplectic-euler",
            "symplectic Euler, kick then drift (order 1, symplectic, separable H)",
            new SymplecticEuler()),
        SimpleFactory.of("leapfrog",
            "leapfrog / Stormer-Verlet, kick-drift-kick (order 2, symplectic, separable H)",
            new Leapfrog()),
        SimpleFactory.of("rk4",
            "classical Runge-Kutta (order 4, not symplectic, any H)",
            new RungeKutta4()));
  }
}

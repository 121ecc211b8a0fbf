package hamflow.plugins.integrators;

import hamflow.api.NoParameters;
import hamflow.api.Plugin;
import hamflow.api.integrate.Integrator;
import hamflow.api.integrate.IntegratorFactory;
import java.util.List;

/** The integrators shipped with Hamflow. */
public final class IntegratorsPlugin implements Plugin {
  /** The triple jump's weights, 1/(2 − ∛2) and −∛2/(2 − ∛2) (Yoshida 1990; Forest & Ruth 1990). */
  private static final double W1 = 1 / (2 - Math.cbrt(2));
  private static final double W0 = 1 - 2 * W1;

  /** Yoshida (1990), Phys. Lett. A 150, 262, table 1, solution A: w₃ w₂ w₁ w₀ w₁ w₂ w₃. */
  private static final double[] YOSHIDA6 = yoshida6();

  private static double[] yoshida6() {
    double w1 = -1.17767998417887;
    double w2 = 0.235573213359357;
    double w3 = 0.784513610477560;
    double w0 = 1 - 2 * (w1 + w2 + w3);
    return new double[] {w3, w2, w1, w0, w1, w2, w3};
  }

  /** An integrator without parameters (the step size is the job's); it is stateless, so shared. */
  private static IntegratorFactory<NoParameters> fixed(
      String type, String description, Integrator integrator) {
    return IntegratorFactory.of(type, description, NoParameters.class, p -> integrator);
  }

  @Override
  public List<IntegratorFactory<?>> integrators() {
    return List.of(
        fixed("symplectic-euler",
            "symplectic Euler, kick then drift (order 1, symplectic, separable H)",
            new SymplecticEuler()),
        fixed("leapfrog",
            "leapfrog / Stormer-Verlet, kick-drift-kick (order 2, symplectic, separable H)",
            new Leapfrog()),
        fixed("rk4",
            "classical Runge-Kutta (order 4, not symplectic, any H)",
            new RungeKutta4()),
        fixed("explicit-euler",
            "explicit Euler (order 1, not symplectic: energy drifts; any H)",
            new ExplicitEuler()),
        fixed("symplectic-euler-drift-kick",
            "symplectic Euler, drift then kick (order 1, symplectic, separable H)",
            new SymplecticEulerDriftKick()),
        fixed("yoshida4",
            "Yoshida triple jump of leapfrog steps (order 4, symplectic, separable H)",
            SplittingScheme.composedLeapfrog(4, W1, W0, W1)),
        fixed("yoshida6",
            "Yoshida's 7-stage composition, solution A (order 6, symplectic, separable H)",
            SplittingScheme.composedLeapfrog(6, YOSHIDA6)),
        fixed("forest-ruth",
            "Forest-Ruth, drift-first triple jump (order 4, symplectic, separable H)",
            new SplittingScheme(4, false,
                new double[] {W1 / 2, (W1 + W0) / 2, (W0 + W1) / 2, W1 / 2},
                new double[] {W1, W0, W1})),
        IntegratorFactory.of(ImplicitMidpoint.TYPE,
            "implicit midpoint, fixed-point iteration in the graph (order 2, symplectic, any H)",
            FixedPointParameters.class, ImplicitMidpoint::new),
        IntegratorFactory.of(GeneralizedLeapfrog.TYPE,
            "Stormer-Verlet with implicit half-steps (order 2, symplectic, any H)",
            FixedPointParameters.class, GeneralizedLeapfrog::new),
        IntegratorFactory.of(LangevinBaoab.TYPE,
            "Langevin thermostat, BAOAB splitting (weak order 2, stochastic, separable H)",
            LangevinParameters.class, LangevinBaoab::new));
  }
}

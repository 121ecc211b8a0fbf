package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import hamflow.testkit.IntegratorContract;
import hamflow.testkit.ReferenceSystems;
import hamflow.testkit.SystemContract;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The system and integrator contracts can fail: each broken plugin is rejected by the check that
 * should reject it, with a message naming what is wrong, while the same check passes on the
 * honest plugin it was made from.
 */
class ContractRejectsBrokenPluginsTest {

  /** What a broken system gets wrong. */
  enum SystemDefect {
    /** The closed-form gradient is 1.001 times the true one. */
    WRONG_GRADIENT("closed-form gradient"),
    /** Declares H = T(p) + V(q) for a non-separable H. */
    FALSE_SEPARABLE("separable H"),
    /** Declares q itself a conserved quantity. */
    NOT_CONSERVED("drift of q"),
    /** H of each state adds that of the states before it in the batch. */
    MIXES_ROWS("rows of a batch must be independent"),
    /** The sampler draws from its own generator, not the seeded one it is given. */
    OWN_RANDOMNESS("equally seeded generator");

    final String message;

    SystemDefect(String message) {
      this.message = message;
    }
  }

  @ParameterizedTest
  @EnumSource(SystemDefect.class)
  void brokenSystemFailsTheContract(SystemDefect defect) {
    HamiltonianSystem honest = ReferenceSystems.harmonicOscillator(1.5, 2.0, 0.3);
    assertThatCode(systemCheck(defect, honest)).as("the check on the honest system")
        .doesNotThrowAnyException();
    // A false claim of separability needs a non-separable H to be false about.
    HamiltonianSystem base =
        defect == SystemDefect.FALSE_SEPARABLE ? ReferenceSystems.nonSeparable() : honest;
    assertThatThrownBy(systemCheck(defect, new BrokenSystem(base, defect)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(defect.message);
  }

  private static ThrowingCallable systemCheck(SystemDefect defect, HamiltonianSystem system) {
    double[][] states = SystemContract.sampledStates(system, 16, 1);
    return switch (defect) {
      case WRONG_GRADIENT -> () -> SystemContract.checkClosedFormGradient(system, states);
      case FALSE_SEPARABLE -> () -> SystemContract.checkSeparable(system, states);
      case NOT_CONSERVED -> () -> SystemContract.checkConservation(
          system, states, SystemContract.ROLLOUT_DT, SystemContract.ROLLOUT_STEPS);
      case MIXES_ROWS -> () -> SystemContract.checkHamiltonian(system, states);
      case OWN_RANDOMNESS -> () -> SystemContract.checkSampler(system);
    };
  }

  /** What a broken integrator gets wrong. */
  enum IntegratorDefect {
    /** Explicit Euler (order 1) declaring order 4. */
    OVERSTATED_ORDER("measured order on harmonic oscillator"),
    /** RK4 declaring itself symplectic: JᵀΩJ ≠ Ω. */
    FALSE_SYMPLECTIC_JACOBIAN("JᵀΩJ − Ω"),
    /** RK4 declaring itself symplectic: its energy error decays secularly. */
    FALSE_SYMPLECTIC_ENERGY("relative energy error"),
    /** Leapfrog declaring it accepts a non-separable H: its step is not symplectic there. */
    FALSE_ANY_H("on non-separable H");

    final String message;

    IntegratorDefect(String message) {
      this.message = message;
    }
  }

  @ParameterizedTest
  @EnumSource(IntegratorDefect.class)
  void brokenIntegratorFailsTheContract(IntegratorDefect defect) {
    Integrator honest = BundledPlugins.integrator(switch (defect) {
      case OVERSTATED_ORDER -> "explicit-euler";
      case FALSE_SYMPLECTIC_JACOBIAN, FALSE_SYMPLECTIC_ENERGY -> "rk4";
      case FALSE_ANY_H -> "leapfrog";
    });
    Integrator broken = switch (defect) {
      case OVERSTATED_ORDER -> new Claiming(honest, 4, honest.symplectic(), false);
      // RK4 claiming symplecticity; leapfrog claiming it needs no separable H.
      case FALSE_SYMPLECTIC_JACOBIAN, FALSE_SYMPLECTIC_ENERGY, FALSE_ANY_H ->
          new Claiming(honest, honest.order(), true, false);
    };
    ThrowingCallable check = switch (defect) {
      case OVERSTATED_ORDER -> () -> IntegratorContract.checkOrder(broken);
      case FALSE_SYMPLECTIC_JACOBIAN, FALSE_ANY_H -> () -> IntegratorContract.checkSymplectic(broken);
      case FALSE_SYMPLECTIC_ENERGY -> () -> IntegratorContract.checkEnergyErrorBounded(broken);
    };
    if (defect == IntegratorDefect.OVERSTATED_ORDER) {
      assertThatCode(() -> IntegratorContract.checkOrder(honest)).doesNotThrowAnyException();
    }
    if (defect == IntegratorDefect.FALSE_ANY_H) {
      // Leapfrog as it declares itself (separable H only) passes the same check.
      assertThatCode(() -> IntegratorContract.checkSymplectic(honest)).doesNotThrowAnyException();
    }
    assertThatThrownBy(check).isInstanceOf(AssertionError.class)
        .hasMessageContaining(defect.message);
  }

  /** An integrator's step with other declarations. */
  private record Claiming(Integrator delegate, int order, boolean symplectic,
      boolean requiresSeparable) implements Integrator {
    @Override
    public <T extends TFloating> Operand<T> step(
        GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
      return delegate.step(g, field, x, dt);
    }
  }

  /** A system with one defect, otherwise the honest one it wraps. */
  private static final class BrokenSystem implements HamiltonianSystem {
    private final HamiltonianSystem honest;
    private final SystemDefect defect;

    BrokenSystem(HamiltonianSystem honest, SystemDefect defect) {
      this.honest = honest;
      this.defect = defect;
    }

    @Override
    public int degreesOfFreedom() {
      return honest.degreesOfFreedom();
    }

    @Override
    public boolean separable() {
      return defect == SystemDefect.FALSE_SEPARABLE || honest.separable();
    }

    @Override
    public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
      Operand<T> h = honest.hamiltonian(g, x);
      return defect == SystemDefect.MIXES_ROWS ? g.tf().math.cumsum(h, g.tf().constant(0)) : h;
    }

    @Override
    public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
      Optional<Operand<T>> gradient = honest.gradient(g, x);
      return defect == SystemDefect.WRONG_GRADIENT
          ? gradient.map(d -> g.tf().math.mul(d, g.constant(1.001)))
          : gradient;
    }

    @Override
    public double[] sampleInitialState(RandomGenerator random) {
      return honest.sampleInitialState(
          defect == SystemDefect.OWN_RANDOMNESS ? new SplittableRandom() : random);
    }

    @Override
    public List<ConservedQuantity> conservedQuantities() {
      if (defect != SystemDefect.NOT_CONSERVED) {
        return honest.conservedQuantities();
      }
      return List.of(new ConservedQuantity() {
        @Override
        public String name() {
          return "q";
        }

        @Override
        public <T extends TFloating> Operand<T> evaluate(GraphContext<T> g, Operand<T> x) {
          return g.tf().reshape(g.positions(x, 1), g.tf().constant(new int[] {-1}));
        }
      });
    }
  }
}

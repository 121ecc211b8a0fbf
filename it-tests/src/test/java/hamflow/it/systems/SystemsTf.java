package hamflow.it.systems;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/** Small float64 helpers shared by the system tests: evaluate H, ∇H, integrate, sample. */
final class SystemsTf {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(null);

  private SystemsTf() {}

  /** The integrator registered as {@code type}, with its default parameters. */
  static Integrator integrator(String type) {
    RegisteredFactory factory = REGISTRY.find(Kind.INTEGRATOR, type)
        .orElseThrow(() -> new AssertionError("no integrator '" + type + "' registered"));
    return Binder.createWithDefaults(factory, Integrator.class)
        .orElseThrow(() -> new AssertionError("integrator '" + type + "' has required parameters"));
  }

  /** The system registered as {@code type}, every parameter at its default. */
  static HamiltonianSystem systemWithDefaults(String type) {
    RegisteredFactory factory = REGISTRY.find(Kind.SYSTEM, type)
        .orElseThrow(() -> new AssertionError("no system '" + type + "' registered"));
    return Binder.createWithDefaults(factory, HamiltonianSystem.class)
        .orElseThrow(() -> new AssertionError("system '" + type + "' has required parameters"));
  }

  /** H of every state, by the system's TF ops in float64. */
  static double[] energy(HamiltonianSystem system, double[][] states) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = system.hamiltonian(g, x);
      return run(g, x, h, states);
    }
  }

  /** TF's automatic gradient of H (not the closed form), row-major {@code [batch, 2n]}. */
  static double[] autodiffGradient(HamiltonianSystem system, double[][] states) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> grad = g.gradient(system.hamiltonian(g, x), x);
      return run(g, x, grad, states);
    }
  }

  private static double[] run(
      TfGraph<TFloat64> g, Operand<TFloat64> x, Operand<TFloat64> y, double[][] states) {
    try (Tensor in = Tensors.matrix(TFloat64.class, states);
        Result out = g.session().runner().feed(x, in).fetch(y).run()) {
      return Tensors.flat(out.get(0));
    }
  }

  /** Integrates {@code initial} in float64 with the runtime's simulator. */
  static Trajectories simulate(HamiltonianSystem system, String integrator, double[][] initial,
      double dt, int steps, int keepEvery) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new Simulator<>(g, system, integrator(integrator))
          .run(initial, dt, steps, keepEvery, n -> {});
    }
  }

  static double[][] sample(HamiltonianSystem system, RandomGenerator random, int count) {
    double[][] states = new double[count][];
    for (int i = 0; i < count; i++) {
      states[i] = system.sampleInitialState(random);
      assertThat(states[i]).hasSize(2 * system.degreesOfFreedom());
    }
    return states;
  }
}

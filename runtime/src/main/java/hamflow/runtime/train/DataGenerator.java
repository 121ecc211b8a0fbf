package hamflow.runtime.train;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.simulate.Simulator;
import hamflow.runtime.ode.ReferenceOde;
import hamflow.runtime.tf.HostFunction;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.types.TFloat64;

/**
 * Generates trajectories of a system the way Greydanus et al. do: initial states from the
 * system's seeded sampler, reference trajectories by DOP853 in float64, targets the exact field
 * at the clean states, then Gaussian noise on q and p; the first share of trajectories trains.
 */
public final class DataGenerator {
  private DataGenerator() {}

  static Dataset generate(HamiltonianSystem system, DataSettings d, long seed) {
    return generate(system, d, seed, null);
  }

  /** {@code integrator} is used (and required) when {@code d.generator()} is INTEGRATOR. */
  public static Dataset generate(HamiltonianSystem system, DataSettings d, long seed, Integrator integrator) {
    SplittableRandom random = new SplittableRandom(seed);
    int dim = 2 * system.degreesOfFreedom();
    double[][] initial = new double[d.trajectories()][];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = system.sampleInitialState(random);
    }
    double[] times = new double[d.samples()];
    for (int k = 0; k < times.length; k++) {
      times[k] = d.tEnd() * k / (times.length - 1);
    }
    List<Trajectory> all = new ArrayList<>();
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      SystemField<TFloat64> field = new SystemField<>(g, system);
      HostFunction<TFloat64> f = new HostFunction<>(g, x -> field.timeDerivative(g, x));
      double[][][] clean = d.generator() == DataSettings.Generator.REFERENCE
          ? new ReferenceOde(d.tolerance(), d.tolerance()).solve(f::apply, initial, times)
          : integrate(system, integrator, initial, d);
      for (double[][] path : clean) {
        double[][] dxdt = f.apply(path);
        double[][] noisy = new double[path.length][dim];
        for (int c = 0; c < dim; c++) { // per coordinate, as the peer draws q's noise then p's
          for (int k = 0; k < path.length; k++) {
            noisy[k][c] = path[k][c] + d.noise() * random.nextGaussian();
          }
        }
        all.add(new Trajectory(times.clone(), noisy, dxdt));
      }
    }
    int train = Math.max(1, Math.min(all.size() - 1, (int) Math.round(all.size() * d.trainFraction())));
    return new Dataset(List.copyOf(all.subList(0, train)), List.copyOf(all.subList(train, all.size())));
  }

  /** Trajectories by the descriptor's integrator at step dt, kept at the sampling times. */
  private static double[][][] integrate(HamiltonianSystem system, Integrator integrator,
      double[][] initial, DataSettings d) {
    int perSample = (int) Math.rint(d.tEnd() / (d.samples() - 1) / d.dt());
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      return new Simulator<>(g, system, integrator)
          .run(initial, d.dt(), perSample * (d.samples() - 1), perSample, k -> {}).states();
    }
  }
}

package hamflow.runtime.train;

import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.ode.ReferenceOde;
import hamflow.runtime.tf.HostFunction;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.tensorflow.types.TFloat64;

/**
 * Scores trained models in float64 (weights frozen as constants, so the learned fields are
 * smooth functions the reference solver can integrate at tight tolerances):
 *
 * <ul>
 *   <li>field MSE on train and test points, ± standard error {@code std/√N} as the peers report;
 *   <li>the Greydanus energy protocol: initial states, the true and each learned field
 *       integrated by DOP853 at the evaluation tolerance, the MSE over time between the true
 *       energy along the true path and along the learned one, averaged over states, ± the
 *       standard error over {@code splits} equal splits of the states.
 * </ul>
 */
final class Evaluation implements AutoCloseable {
  /** Mean and standard error. */
  record Estimate(double mean, double standardError) {}

  /** Energy paths for plots: times, true energy, and per model the energy along its path. */
  record EnergyPaths(double[] t, double[][][] truePaths, Map<String, double[][][]> modelPaths,
      double[][] trueEnergy, Map<String, double[][]> modelEnergy) {}

  private final TfGraph<TFloat64> g = TfGraph.create(TFloat64.class);
  private final HamiltonianSystem system;
  private final Map<String, HostFunction<TFloat64>> fields = new LinkedHashMap<>();
  private final Map<String, HostFunction<TFloat64>> hamiltonians = new LinkedHashMap<>();
  private final HostFunction<TFloat64> trueField;
  private final HostFunction<TFloat64> trueEnergy;

  Evaluation(HamiltonianSystem system) {
    this.system = system;
    this.trueField = system == null ? null
        : new HostFunction<>(g, x -> new SystemField<>(g, system).timeDerivative(g, x));
    this.trueEnergy = system == null ? null : new HostFunction<>(g, x -> system.hamiltonian(g, x));
  }

  /** Adds a trained model, rebuilt from its weights. */
  void add(String role, Model model, int n, Map<String, double[]> weights) {
    LearnedField<TFloat64> f = model.build(new FrozenVariables<>(g, weights, ""), n);
    fields.put(role, new HostFunction<>(g, f::timeDerivative));
    if (f.hamiltonian(g.placeholder()).isPresent()) {
      hamiltonians.put(role, new HostFunction<>(g, x -> f.hamiltonian(x).orElseThrow()));
    }
  }

  /** The field of a model as a host function (for rollouts and plots). */
  HostFunction<TFloat64> field(String role) {
    return fields.get(role);
  }

  /** The learned {@code H_θ} of a model that has one. */
  java.util.Optional<HostFunction<TFloat64>> hamiltonian(String role) {
    return java.util.Optional.ofNullable(hamiltonians.get(role));
  }

  HostFunction<TFloat64> trueEnergy() {
    return trueEnergy;
  }

  HostFunction<TFloat64> trueField() {
    return trueField;
  }

  /** Field MSE of {@code role} against {@code targets}, ± std/√N over the N examples. */
  Estimate fieldError(String role, double[][] states, double[][] targets) {
    double[][] pred = fields.get(role).apply(states);
    int n = states.length;
    int dim = states[0].length;
    double[] sq = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dim; c++) {
        double e = pred[i][c] - targets[i][c];
        sq[i * dim + c] = e * e;
      }
    }
    double mean = mean(sq);
    return new Estimate(mean, std(sq, mean) / Math.sqrt(n));
  }

  /** Initial states of the energy protocol. */
  double[][] energyStates(EvaluationSettings e) {
    SplittableRandom random = new SplittableRandom(e.seed());
    double[][] x = new double[e.states()][];
    for (int i = 0; i < x.length; i++) {
      if (e.coordinateRange() == null) {
        x[i] = system.sampleInitialState(random);
      } else {
        double a = e.coordinateRange().get(0);
        double b = e.coordinateRange().get(1);
        x[i] = new double[2 * system.degreesOfFreedom()];
        for (int c = 0; c < x[i].length; c++) {
          double u = a + (b - a) * random.nextDouble();
          x[i][c] = random.nextBoolean() ? u : -u;
        }
      }
    }
    return x;
  }

  /** Integrates the true and every learned field from {@code initial}, with their energies. */
  EnergyPaths energyPaths(EvaluationSettings e, double[][] initial) {
    double[] t = new double[e.points()];
    for (int k = 0; k < t.length; k++) {
      t[k] = e.tEnd() * k / (t.length - 1);
    }
    ReferenceOde ode = new ReferenceOde(e.tolerance(), e.tolerance());
    double[][][] truth = ode.solve(trueField::apply, initial, t);
    Map<String, double[][][]> paths = new LinkedHashMap<>();
    Map<String, double[][]> energies = new LinkedHashMap<>();
    for (String role : fields.keySet()) {
      double[][][] path;
      try {
        path = ode.solve(fields.get(role)::apply, initial, t);
      } catch (MathIllegalStateException ex) {
        path = null; // the learned field blew up; reported as an infinite error
      }
      paths.put(role, path);
      energies.put(role, path == null ? null : energies(path));
    }
    return new EnergyPaths(t, truth, paths, energies(truth), energies);
  }

  /** Energy MSE per model, ± standard error over {@code splits}. */
  Map<String, Estimate> energyError(EnergyPaths p, int splits) {
    Map<String, Estimate> out = new LinkedHashMap<>();
    p.modelEnergy().forEach((role, energy) -> {
      if (energy == null) {
        out.put(role, new Estimate(Double.POSITIVE_INFINITY, Double.NaN));
        return;
      }
      int states = energy.length;
      double[] perState = new double[states];
      for (int i = 0; i < states; i++) {
        double s = 0;
        for (int k = 0; k < energy[i].length; k++) {
          double d = p.trueEnergy()[i][k] - energy[i][k];
          s += d * d;
        }
        perState[i] = s / energy[i].length;
      }
      double mean = mean(perState);
      out.put(role, new Estimate(mean, splitError(perState, splits)));
    });
    return out;
  }

  /** std of the means of {@code splits} contiguous equal parts, over √splits (the peers' SE). */
  static double splitError(double[] values, int splits) {
    int size = values.length / splits;
    if (splits < 2 || size == 0) {
      return Double.NaN;
    }
    double[] means = new double[splits];
    for (int s = 0; s < splits; s++) {
      double sum = 0;
      for (int i = s * size; i < (s + 1) * size; i++) {
        sum += values[i];
      }
      means[s] = sum / size;
    }
    return std(means, mean(means)) / Math.sqrt(splits);
  }

  private double[][] energies(double[][][] paths) {
    List<double[]> flat = new ArrayList<>();
    for (double[][] path : paths) {
      flat.addAll(List.of(path));
    }
    double[] e = trueEnergy.applyScalar(flat.toArray(double[][]::new));
    int k = paths[0].length;
    double[][] out = new double[paths.length][k];
    for (int i = 0; i < paths.length; i++) {
      System.arraycopy(e, i * k, out[i], 0, k);
    }
    return out;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Population standard deviation (numpy's default, ddof = 0). */
  static double std(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return Math.sqrt(s / v.length);
  }

  @Override
  public void close() {
    g.close();
  }
}

package hamflow.runtime.nct;

import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/**
 * The exact entropy {@code S = −∫ρ ln ρ = β⟨H⟩ + ln Z} of the Boltzmann density
 * {@code ρ = e^{−βH}/Z} of a separable system with at most two degrees of freedom, by midpoint
 * quadrature: {@code H = V(q) + T(p)} with {@code V(q) = H(q, 0)} and
 * {@code T(p) = H(0, p) − H(0, 0)}, so {@code Z = Z_q Z_p} and each factor is a grid integral over
 * at most two dimensions. It is the smallest negative log-likelihood (in nats per sample) any
 * model of the density can reach on its samples.
 */
final class ExactEntropy {
  /** Grid points per dimension: 600² midpoints resolve a ring of width ~0.3 in a box of ~8. */
  static final int POINTS = 600;

  private ExactEntropy() {}

  /**
   * The entropy at inverse temperature {@code beta}, integrating over the box that holds the
   * {@code samples} widened by half its size on each side; empty when the system is not separable
   * or has more than two degrees of freedom.
   */
  static Optional<ExactEntropy.Estimate> of(HamiltonianSystem system, double beta,
      double[][] samples) {
    int n = system.degreesOfFreedom();
    if (!system.separable() || n > 2) {
      return Optional.empty();
    }
    double[] q = part(system, beta, samples, 0);
    double[] p = part(system, beta, samples, n);
    double logZ = q[1] + p[1];
    double meanH = 0;
    for (double h : energies(system, samples)) {
      meanH += h / samples.length;
    }
    return Optional.of(new Estimate(q[0] + p[0], logZ, beta * meanH + logZ));
  }

  /**
   * The entropy (the expected NLL of the exact density), {@code ln Z}, and the exact density's
   * mean NLL on the given samples — the fair comparison for a model's NLL on the same samples,
   * free of their sampling error.
   */
  record Estimate(double entropy, double logZ, double sampleNll) {}

  /** {@code {β⟨E⟩ + ln Z, ln Z}} of the q part (offset 0) or the p part (offset n). */
  private static double[] part(HamiltonianSystem system, double beta, double[][] samples,
      int offset) {
    int n = system.degreesOfFreedom();
    double[] lo = new double[n];
    double[] width = new double[n];
    for (int i = 0; i < n; i++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] x : samples) {
        min = Math.min(min, x[offset + i]);
        max = Math.max(max, x[offset + i]);
      }
      double span = Math.max(max - min, 1e-6);
      lo[i] = min - 0.5 * span;
      width[i] = 2 * span / POINTS;
    }
    int count = (int) Math.pow(POINTS, n);
    double[][] grid = new double[count][2 * n];
    for (int j = 0; j < count; j++) {
      int rest = j;
      for (int i = 0; i < n; i++) {
        grid[j][offset + i] = lo[i] + (rest % POINTS + 0.5) * width[i];
        rest /= POINTS;
      }
    }
    double[] energy = energies(system, grid);
    double origin = offset == 0 ? 0 : energies(system, new double[1][2 * n])[0];
    double cell = 1;
    for (double w : width) {
      cell *= w;
    }
    // Weights relative to the lowest energy on the grid, so that exp does not underflow.
    double floor = Double.POSITIVE_INFINITY;
    for (double e : energy) {
      floor = Math.min(floor, e - origin);
    }
    double z = 0;
    double mean = 0;
    for (double e : energy) {
      double w = Math.exp(-beta * (e - origin - floor));
      z += w;
      mean += w * (e - origin);
    }
    mean /= z;
    // ln Z relative to H(0, 0) for the p part, as the split H = V(q) + T(p) requires.
    double logZ = Math.log(z * cell) - beta * floor;
    return new double[] {beta * mean + logZ, logZ};
  }

  private static double[] energies(HamiltonianSystem system, double[][] states) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> h = system.hamiltonian(g, x);
      try (Tensor t = Tensors.matrix(TFloat64.class, states);
          Result r = g.session().runner().feed(x, t).fetch(h).run()) {
        return Tensors.flat(r.get(0));
      }
    }
  }
}

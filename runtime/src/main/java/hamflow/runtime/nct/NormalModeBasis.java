package hamflow.runtime.nct;

import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import java.util.Arrays;
import java.util.Optional;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/**
 * The small-oscillation normal modes of a system about the equilibrium at the origin: with the
 * Hessian blocks {@code H_qq}, {@code H_pp} (and {@code H_qp = 0}), the frequencies are
 * {@code ω_k = √λ_k} for the eigenvalues λ_k of {@code S = H_pp^{1/2} H_qq H_pp^{1/2}}, and mode
 * k's coordinate is {@code η_k = v_kᵀ H_pp^{-1/2} q} (row {@code qRows[k]}), its conjugate
 * momentum {@code π_k = v_kᵀ H_pp^{1/2} p} (row {@code pRows[k]}). Sorted by frequency.
 */
record NormalModeBasis(double[] omega, double[][] qRows, double[][] pRows) {

  /** Step of the central differences of ∇H that give the Hessian (exact for quadratic H). */
  static final double STEP = 1e-4;

  /**
   * The modes of {@code system} at the origin, or empty with no modes when the origin is not a
   * stable equilibrium of that form (gradient or {@code H_qp} not ~0, or a block not positive
   * definite).
   */
  static Optional<NormalModeBasis> of(HamiltonianSystem system) {
    int n = system.degreesOfFreedom();
    double[][] hessian = hessian(system, n);
    if (hessian == null) {
      return Optional.empty();
    }
    RealMatrix qq = MatrixUtils.createRealMatrix(n, n);
    RealMatrix pp = MatrixUtils.createRealMatrix(n, n);
    double scale = 0;
    double mixed = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        qq.setEntry(i, j, 0.5 * (hessian[i][j] + hessian[j][i]));
        pp.setEntry(i, j, 0.5 * (hessian[n + i][n + j] + hessian[n + j][n + i]));
        mixed = Math.max(mixed, Math.abs(hessian[i][n + j]));
        scale = Math.max(scale, Math.max(Math.abs(hessian[i][j]), Math.abs(hessian[n + i][n + j])));
      }
    }
    if (mixed > 1e-6 * scale) {
      return Optional.empty();
    }
    EigenDecompositionSymmetric ppEigen = new EigenDecompositionSymmetric(pp);
    if (Arrays.stream(ppEigen.getEigenvalues()).anyMatch(v -> v <= 0)) {
      return Optional.empty();
    }
    RealMatrix root = ppEigen.getSquareRoot();
    RealMatrix inverseRoot = MatrixUtils.inverse(root);
    RealMatrix s = root.multiply(qq).multiply(root);
    EigenDecompositionSymmetric sEigen = new EigenDecompositionSymmetric(s.add(s.transpose())
        .scalarMultiply(0.5));
    double[] lambda = sEigen.getEigenvalues();
    if (Arrays.stream(lambda).anyMatch(v -> v <= 0)) {
      return Optional.empty();
    }
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(lambda[a], lambda[b]));
    double[] omega = new double[n];
    double[][] qRows = new double[n][];
    double[][] pRows = new double[n][];
    for (int r = 0; r < n; r++) {
      int k = order[r];
      omega[r] = Math.sqrt(lambda[k]);
      RealMatrix v = MatrixUtils.createColumnRealMatrix(sEigen.getEigenvector(k).toArray());
      qRows[r] = inverseRoot.multiply(v).getColumn(0);
      pRows[r] = root.multiply(v).getColumn(0);
    }
    return Optional.of(new NormalModeBasis(omega, qRows, pRows));
  }

  /** The Hessian of H at the origin, or null if the origin is not stationary. */
  private static double[][] hessian(HamiltonianSystem system, int n) {
    int dim = 2 * n;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> grad = system.gradient(g, x).orElseGet(() ->
          g.gradient(system.hamiltonian(g, x), x));
      double[][] points = new double[2 * dim + 1][dim];
      for (int j = 0; j < dim; j++) {
        points[2 * j][j] = STEP;
        points[2 * j + 1][j] = -STEP;
      }
      double[][] gr;
      try (Tensor t = Tensors.matrix(TFloat64.class, points);
          Result r = g.session().runner().feed(x, t).fetch(grad).run()) {
        gr = Tensors.rows(r.get(0));
      }
      double[][] h = new double[dim][dim];
      double size = 0;
      for (int j = 0; j < dim; j++) {
        for (int i = 0; i < dim; i++) {
          h[i][j] = (gr[2 * j][i] - gr[2 * j + 1][i]) / (2 * STEP);
          size = Math.max(size, Math.abs(h[i][j]));
        }
      }
      double stationary = Arrays.stream(gr[2 * dim]).map(Math::abs).max().orElse(0);
      return stationary > 1e-8 * Math.max(1, size) ? null : h;
    }
  }
}

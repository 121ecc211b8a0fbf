package hamflow.it.systems;

import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.simulate.Trajectories;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/** Plain-Java measurements on states and trajectories for the system tests. */
final class PhaseSpace {
  private PhaseSpace() {}

  /**
   * max over trajectories and kept times of {@code |Q(t) − Q(0)|/scale}, where scale is
   * {@code max(|Q(0)|, floor)} per trajectory: a relative drift that does not blow up when a
   * quantity happens to start near 0.
   */
  static double maxDrift(double[][] values, double floor) {
    double max = 0;
    for (double[] v : values) {
      double scale = Math.max(Math.abs(v[0]), floor);
      for (double x : v) {
        max = Math.max(max, Math.abs(x - v[0]) / scale);
      }
    }
    return max;
  }

  /** The drift of the named conserved quantity along {@code t}. */
  static double maxDrift(Trajectories t, String name, double floor) {
    double[][] values = t.conserved().get(name);
    if (values == null) {
      throw new AssertionError("no conserved quantity '" + name + "' in " + t.conserved().keySet());
    }
    return maxDrift(values, floor);
  }

  /**
   * The Hessian of H at {@code x0} by central differences of TF's automatic gradient with step
   * h: {@code [2n][2n]}, symmetrised.
   */
  static double[][] hessian(HamiltonianSystem system, double[] x0, double h) {
    int dim = x0.length;
    double[][] states = new double[2 * dim][];
    for (int j = 0; j < dim; j++) {
      states[2 * j] = x0.clone();
      states[2 * j][j] += h;
      states[2 * j + 1] = x0.clone();
      states[2 * j + 1][j] -= h;
    }
    double[] grad = SystemsTf.autodiffGradient(system, states);
    double[][] hessian = new double[dim][dim];
    for (int j = 0; j < dim; j++) {
      for (int i = 0; i < dim; i++) {
        hessian[i][j] = (grad[2 * j * dim + i] - grad[(2 * j + 1) * dim + i]) / (2 * h);
      }
    }
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (hessian[i][j] + hessian[j][i]) / 2;
        hessian[i][j] = mean;
        hessian[j][i] = mean;
      }
    }
    return hessian;
  }

  /** The system's conserved quantity {@code name} of every state, by its TF ops in float64. */
  static double[] conserved(HamiltonianSystem system, String name, double[][] states) {
    ConservedQuantity quantity = system.conservedQuantities().stream()
        .filter(q -> q.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no conserved quantity '" + name + "'"));
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> value = quantity.evaluate(g, x);
      try (Tensor in = Tensors.matrix(TFloat64.class, states);
          Result out = g.session().runner().feed(x, in).fetch(value).run()) {
        return Tensors.flat(out.get(0));
      }
    }
  }

  /** The system's closed-form gradient of every state, row-major {@code [batch, 2n]}. */
  static double[] closedFormGradient(HamiltonianSystem system, double[][] states) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> grad = system.gradient(g, x)
          .orElseThrow(() -> new AssertionError("no closed-form gradient"));
      try (Tensor in = Tensors.matrix(TFloat64.class, states);
          Result out = g.session().runner().feed(x, in).fetch(grad).run()) {
        return Tensors.flat(out.get(0));
      }
    }
  }

  /** The block {@code rows × cols} of {@code m} starting at (r0, c0). */
  static double[][] block(double[][] m, int r0, int c0, int rows, int cols) {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(m[r0 + i], c0, out[i], 0, cols);
    }
    return out;
  }

  /** The largest absolute entry of {@code m}. */
  static double maxAbs(double[][] m) {
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  /** max over every component of two states. */
  static double distance(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}

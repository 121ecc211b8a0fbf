package hamflow.runtime.analysis;

import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/** The gradient of H at kept states, evaluated once, in float64, in a graph of its own. */
final class FieldSamples {
  private FieldSamples() {}

  /** {@code ∇H = (∂H/∂q, ∂H/∂p)} at every {@code states[i][k]}, shaped like it. */
  static double[][][] gradients(HamiltonianSystem system, double[][][] states) {
    int batch = states.length;
    int kept = states[0].length;
    double[][] flat = new double[batch * kept][];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(states[i], 0, flat, i * kept, kept);
    }
    double[][] rows;
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> gradient = new SystemField<>(g, system).gradient(x);
      try (Tensor in = Tensors.matrix(g.dtype(), flat);
          Result out = g.session().runner().feed(x, in).fetch(gradient).run()) {
        rows = Tensors.rows(out.get(0));
      }
    }
    double[][][] result = new double[batch][kept][];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(rows, i * kept, result[i], 0, kept);
    }
    return result;
  }

  /** Hamilton's equations from a gradient: {@code ẋ = (∂H/∂p, −∂H/∂q)}. */
  static double[] timeDerivative(double[] gradient) {
    int n = gradient.length / 2;
    double[] d = new double[2 * n];
    for (int j = 0; j < n; j++) {
      d[j] = gradient[n + j];
      d[n + j] = -gradient[j];
    }
    return d;
  }
}

package hamflow.runtime.nct;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.flow.PrefixedContext;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.train.FrozenVariables;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/**
 * A trained (or untrained) flow rebuilt in its own float64 graph with its weights as constants,
 * for evaluation: maps host batches through {@code T} and gives {@code ∂T/∂x}.
 */
final class FrozenFlow implements AutoCloseable {
  private final TfGraph<TFloat64> g = TfGraph.create(TFloat64.class);
  private final Operand<TFloat64> in = g.placeholder();
  private final Operand<TFloat64> out;
  private final int dim;

  FrozenFlow(BijectiveLayer stack, Map<String, double[]> weights, int n) {
    BijectiveLayer.Built<TFloat64> flow = stack.build(
        new PrefixedContext<>(new FrozenVariables<>(g, weights, ""), FlowTrainer.FLOW), n);
    out = flow.forward(in);
    dim = 2 * n;
  }

  /** {@code T(x)} of rows {@code x} {@code [N][2n]}. */
  double[][] forward(double[][] x) {
    try (Tensor t = Tensors.matrix(TFloat64.class, x);
        Result r = g.session().runner().feed(in, t).fetch(out).run()) {
      return Tensors.rows(r.get(0));
    }
  }

  /** The Jacobian {@code ∂T_i/∂x_j} at {@code x} {@code [2n]}, by central differences of step h. */
  double[][] jacobian(double[] x, double h) {
    double[][] points = new double[2 * dim][];
    for (int j = 0; j < dim; j++) {
      points[2 * j] = x.clone();
      points[2 * j][j] += h;
      points[2 * j + 1] = x.clone();
      points[2 * j + 1][j] -= h;
    }
    double[][] y = forward(points);
    double[][] jac = new double[dim][dim];
    for (int j = 0; j < dim; j++) {
      for (int i = 0; i < dim; i++) {
        jac[i][j] = (y[2 * j][i] - y[2 * j + 1][i]) / (2 * h);
      }
    }
    return jac;
  }

  @Override
  public void close() {
    g.close();
  }
}

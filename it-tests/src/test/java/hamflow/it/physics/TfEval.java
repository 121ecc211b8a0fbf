package hamflow.it.physics;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/** Runs a graph once: feeds a batch of states to a placeholder, fetches float operands. */
final class TfEval {
  private TfEval() {}

  /**
   * The values of {@code fetches}, each flattened row-major, after feeding {@code states} to
   * {@code x}; each fetched tensor's shape is checked against {@code shapes} (one long[] each).
   */
  @SafeVarargs
  static <T extends TFloating> List<double[]> run(
      TfGraph<T> g, Operand<T> x, double[][] states, long[][] shapes, Operand<T>... fetches) {
    List<double[]> values = new ArrayList<>();
    Session.Runner runner;
    try (Tensor in = Tensors.matrix(g.dtype(), states)) {
      runner = g.session().runner().feed(x, in);
      for (Operand<T> f : fetches) {
        runner = runner.fetch(f);
      }
      try (Result out = runner.run()) {
        for (int i = 0; i < fetches.length; i++) {
          assertThat(out.get(i).shape().asArray())
              .as("shape of fetch %d", i)
              .containsExactly(shapes[i]);
          values.add(Tensors.flat(out.get(i)));
        }
      }
    }
    return values;
  }
}

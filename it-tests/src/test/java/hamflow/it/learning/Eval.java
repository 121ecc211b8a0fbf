package hamflow.it.learning;

import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/** Runs a graph once: feeds a batch of states to a placeholder, fetches float operands flat. */
final class Eval {
  private Eval() {}

  @SafeVarargs
  static <T extends TFloating> List<double[]> run(
      TfGraph<T> g, Operand<T> x, double[][] states, Operand<T>... fetches) {
    List<double[]> values = new ArrayList<>();
    try (Tensor in = Tensors.matrix(g.dtype(), states)) {
      Session.Runner runner = g.session().runner().feed(x, in);
      for (Operand<T> f : fetches) {
        runner = runner.fetch(f);
      }
      try (Result out = runner.run()) {
        for (int i = 0; i < fetches.length; i++) {
          values.add(Tensors.flat(out.get(i)));
        }
      }
    }
    return values;
  }
}

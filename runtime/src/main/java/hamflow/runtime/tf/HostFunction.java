package hamflow.runtime.tf;

import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/**
 * A batch function {@code [batch, d] → [batch, k]} built once in a graph and evaluated from
 * Java: the bridge between TF-defined fields and host-side code such as the reference ODE
 * solver. One {@code Session.run} per call, whatever the batch.
 */
public final class HostFunction<T extends TFloating> {
  private final TfGraph<T> g;
  private final Operand<T> input;
  private final Operand<T> output;

  public HostFunction(TfGraph<T> g, UnaryOperator<Operand<T>> f) {
    this.g = g;
    this.input = g.placeholder();
    this.output = f.apply(input);
  }

  /** Evaluates the function on {@code x}, returning rows of float64. */
  public double[][] apply(double[][] x) {
    try (Tensor in = Tensors.matrix(g.dtype(), x);
        Result out = g.session().runner().feed(input, in).fetch(output).run()) {
      return Tensors.rows(out.get(0));
    }
  }

  /** Evaluates a function with one scalar per row ({@code [batch]} or {@code [batch, 1]}). */
  public double[] applyScalar(double[][] x) {
    try (Tensor in = Tensors.matrix(g.dtype(), x);
        Result out = g.session().runner().feed(input, in).fetch(output).run()) {
      return Tensors.flat(out.get(0));
    }
  }
}

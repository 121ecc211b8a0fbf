package hamflow.runtime.nct;

import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TFloating;

/** Host arrays as graph constants of the graph's dtype. */
final class Constants {
  private Constants() {}

  /** {@code rows} {@code [N][d]} as a {@code [N, d]} constant. */
  @SuppressWarnings("unchecked")
  static <T extends TFloating> Operand<T> of(TfGraph<T> g, double[][] rows) {
    try (Tensor t = Tensors.matrix(g.dtype(), rows)) {
      return g.tf().constantOf((T) t);
    }
  }

  /** {@code paths} {@code [N][K][d]} as a {@code [N, K, d]} constant. */
  @SuppressWarnings("unchecked")
  static <T extends TFloating> Operand<T> of(TfGraph<T> g, double[][][] paths) {
    int n = paths.length;
    int k = paths[0].length;
    int d = paths[0][0].length;
    double[] flat = Arrays.stream(paths).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
        .toArray();
    try (Tensor t = Tensors.of(g.dtype(), Shape.of(n, k, d), flat)) {
      return g.tf().constantOf((T) t);
    }
  }
}

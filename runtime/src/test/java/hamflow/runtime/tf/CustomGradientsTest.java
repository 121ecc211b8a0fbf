package hamflow.runtime.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/** Second derivatives through tanh, which need the registered TanhGrad gradient. */
class CustomGradientsTest {
  @Test
  void secondDerivativeOfTanhMatchesTheClosedForm() {
    double[] xs = {-1.7, -0.3, 0.0, 0.4, 2.2};
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      Operand<TFloat64> x = g.placeholder();
      Operand<TFloat64> first = g.gradient(g.tf().math.tanh(x), x);
      Operand<TFloat64> second = g.gradient(first, x);
      try (Tensor in = Tensors.of(TFloat64.class, Shape.of(xs.length), xs);
          Result out = g.session().runner().feed(x, in).fetch(first).fetch(second).run()) {
        double[] d1 = Tensors.flat(out.get(0));
        double[] d2 = Tensors.flat(out.get(1));
        for (int i = 0; i < xs.length; i++) {
          double t = Math.tanh(xs[i]);
          assertThat(d1[i]).isCloseTo(1 - t * t, within(1e-14));
          // d²/dx² tanh x = −2 tanh x (1 − tanh² x)
          assertThat(d2[i]).isCloseTo(-2 * t * (1 - t * t), within(1e-14));
        }
      }
    }
  }

  @Test
  void float32GraphsComputeInFloat32() {
    try (TfGraph<org.tensorflow.types.TFloat32> g =
        TfGraph.create(org.tensorflow.types.TFloat32.class)) {
      Operand<org.tensorflow.types.TFloat32> c = g.constant(0.1);
      try (Result out = g.session().runner().fetch(c).run()) {
        assertThat(Tensors.flat(out.get(0))[0]).isEqualTo((double) 0.1f);
      }
    }
  }
}

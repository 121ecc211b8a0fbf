package hamflow.it.flow;

import hamflow.testkit.RandomWeights;
import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.flow.FlowStack;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Training runs in float32: a stack of every registered layer builds in a float32 graph (no op
 * pinned to float64) and inverts to float32 round-off, 1e-4 on O(1) inputs after 7 layers.
 */
class Float32Test {
  @Test
  void stackOfEveryLayerInvertsInFloat32() {
    List<BijectiveLayer> layers = new ArrayList<>();
    for (RegisteredFactory f : FlowPlugins.layers()) {
      layers.add(FlowPlugins.layer(f.type(), ""));
    }
    FlowStack stack = FlowStack.of(layers);
    int n = 3;
    double[][] states = new double[8][2 * n];
    SplittableRandom random = new SplittableRandom(1);
    for (double[] s : states) {
      for (int i = 0; i < s.length; i++) {
        s[i] = random.nextGaussian();
      }
    }
    try (TfGraph<TFloat32> g = TfGraph.create(TFloat32.class)) {
      BijectiveLayer.Built<TFloat32> built = stack.build(new RandomWeights<>(g, 3, 0.3), n);
      Operand<TFloat32> x = g.placeholder();
      Operand<TFloat32> back = built.inverse(built.forward(x));
      Operand<TFloat32> logDet = built.logDetJacobian(x);
      try (Tensor in = Tensors.matrix(TFloat32.class, states);
          Result r = g.session().runner().feed(x, in).fetch(back).fetch(logDet).run()) {
        double[] roundTrip = Tensors.flat(r.get(0));
        double worst = 0;
        for (int b = 0; b < states.length; b++) {
          for (int i = 0; i < 2 * n; i++) {
            worst = Math.max(worst, Math.abs(roundTrip[b * 2 * n + i] - states[b][i]));
          }
        }
        System.out.printf("[float32] stack of %d layers: max |inverse(forward(x)) - x| = %.1e%n",
            layers.size(), worst);
        assertThat(worst).isLessThan(1e-4);
        double[] logDets = Tensors.flat(r.get(1));
        assertThat(logDets).hasSize(states.length);
        assertThat(java.util.Arrays.stream(logDets).allMatch(Double::isFinite)).isTrue();
      }
    }
  }
}

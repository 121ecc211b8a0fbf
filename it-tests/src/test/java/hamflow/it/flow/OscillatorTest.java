package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.RandomWeights;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * {@code oscillator} gives each pair's phase and action: along an exact trajectory of
 * {@code H = Σ (q_k² + p_k²)/2} (rotation of every pair by the time t), {@code J = ln I} stays
 * fixed and the phase {@code 2 atan u} advances by t (mod 2π); and it is not symplectic, as it
 * declares (the contract tests check the log-det).
 */
class OscillatorTest {
  private static final int N = 2;

  @Test
  void actionIsConservedAndPhaseAdvancesAlongOscillatorTrajectories() {
    double t = 0.9;
    SplittableRandom random = new SplittableRandom(8);
    double[][] x0 = new double[6][2 * N];
    double[][] xt = new double[6][2 * N];
    for (int b = 0; b < x0.length; b++) {
      for (int k = 0; k < N; k++) {
        double q = random.nextGaussian();
        double p = random.nextGaussian();
        x0[b][k] = q;
        x0[b][N + k] = p;
        // q = √(2I) sin φ, p = √(2I) cos φ with φ → φ + t: q̇ = p, ṗ = −q.
        xt[b][k] = q * Math.cos(t) + p * Math.sin(t);
        xt[b][N + k] = p * Math.cos(t) - q * Math.sin(t);
      }
    }
    BijectiveLayer layer = FlowPlugins.layer("oscillator", "");
    assertThat(layer.symplectic()).isFalse();
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      BijectiveLayer.Built<TFloat64> built = layer.build(new RandomWeights<>(g, 1, 0.0), N);
      Operand<TFloat64> a = g.placeholder();
      Operand<TFloat64> b = g.placeholder();
      List<double[]> out = PointTransformationTest.run(g, List.of(a, b), List.of(x0, xt),
          List.of(built.forward(a), built.forward(b)));
      double actionError = 0;
      double phaseError = 0;
      for (int i = 0; i < x0.length; i++) {
        for (int k = 0; k < N; k++) {
          double action = (x0[i][k] * x0[i][k] + x0[i][N + k] * x0[i][N + k]) / 2;
          actionError = Math.max(actionError, Math.abs(out.get(0)[i * 2 * N + N + k] - Math.log(action)));
          actionError = Math.max(actionError, Math.abs(out.get(1)[i * 2 * N + N + k] - Math.log(action)));
          double phase0 = 2 * Math.atan(out.get(0)[i * 2 * N + k]);
          double phaseT = 2 * Math.atan(out.get(1)[i * 2 * N + k]);
          assertThat(phase0).isCloseTo(Math.atan2(x0[i][k], x0[i][N + k]),
              org.assertj.core.data.Offset.offset(1e-12));
          double advance = Math.IEEEremainder(phaseT - phase0 - t, 2 * Math.PI);
          phaseError = Math.max(phaseError, Math.abs(advance));
        }
      }
      System.out.printf("[oscillator] |J - ln I| %.1e, |Δphase - t| %.1e%n", actionError, phaseError);
      assertThat(actionError).isLessThan(1e-13);
      assertThat(phaseError).isLessThan(1e-12);
    }
  }
}

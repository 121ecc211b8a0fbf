package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.RandomWeights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat64;

/**
 * {@code linear-symplectic-nak} is the matrix its Javadoc names: at perturbed weights, the layer
 * applied to the basis vectors equals {@code [[I, 0], [M, I]] · diag(Lᵀ, L⁻¹) · [[X, −Y], [Y, X]]}
 * computed here in Java from the same variable values, with {@code X + iY} the product of complex
 * Householder reflections and phases in complex arithmetic; and it is the identity at its initial
 * weights.
 */
class LinearSymplecticNakTest {
  private static final int N = 3;
  private static final int DIM = 2 * N;

  @Test
  void layerIsThePreIwasawaProduct() {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      RandomWeights<TFloat64> weights = new RandomWeights<>(g, 9, 0.5);
      double[][] s = matrixOf(g, weights);
      double[][] expected = product(weights.values());
      double error = maxDifference(s, expected);
      System.out.printf("[linear-symplectic-nak] |S - NAK product| %.1e (max |S_ij| %.2f)%n",
          error, maxAbs(expected));
      assertThat(error).isLessThan(1e-12);
    }
  }

  @Test
  void startsAtTheIdentity() {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      double[][] s = matrixOf(g, new RandomWeights<>(g, 9, 0.0));
      double[][] eye = new double[DIM][DIM];
      for (int i = 0; i < DIM; i++) {
        eye[i][i] = 1;
      }
      assertThat(maxDifference(s, eye)).isLessThan(1e-14);
    }
  }

  /** S from the layer: forward of the basis rows gives Sᵀ. */
  private static double[][] matrixOf(TfGraph<TFloat64> g, RandomWeights<TFloat64> weights) {
    BijectiveLayer.Built<TFloat64> built =
        FlowPlugins.layer("linear-symplectic-nak", "").build(weights, N);
    Operand<TFloat64> in = g.placeholder();
    double[][] eye = new double[DIM][DIM];
    for (int i = 0; i < DIM; i++) {
      eye[i][i] = 1;
    }
    double[] flat = PointTransformationTest.run(g, List.of(in), List.<double[][]>of(eye),
        List.of(built.forward(in))).get(0);
    double[][] s = new double[DIM][DIM];
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < DIM; j++) {
        s[j][i] = flat[i * DIM + j];
      }
    }
    return s;
  }

  private static double[][] product(Map<String, double[]> v) {
    double[] m = v.get("m");
    double[] lower = v.get("l-lower");
    double[] logDiagonal = v.get("log-diagonal");
    double[] reflections = v.get("reflections");
    double[] phases = v.get("phases");
    double[][] bigM = new double[N][N];
    double[][] l = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j <= i; j++) {
        bigM[i][j] = m[i * (i + 1) / 2 + j];
        bigM[j][i] = bigM[i][j];
        l[i][j] = j == i ? Math.exp(logDiagonal[i]) : lower[i * (i - 1) / 2 + j];
      }
    }
    // U = H(v_1)…H(v_2n) diag(e^{iθ}) in complex arithmetic: re + i·im.
    double[][] re = new double[N][N];
    double[][] im = new double[N][N];
    for (int i = 0; i < N; i++) {
      re[i][i] = 1;
    }
    for (int k = 0; k < DIM; k++) {
      double[] a = new double[N];
      double[] b = new double[N];
      double norm = 0;
      for (int i = 0; i < N; i++) {
        a[i] = reflections[k * DIM + i];
        b[i] = reflections[k * DIM + N + i];
        norm += a[i] * a[i] + b[i] * b[i];
      }
      // H = I − 2 v v^* / |v|²; (v v^*)_ij = (a_i + i b_i)(a_j − i b_j).
      double[][] hRe = new double[N][N];
      double[][] hIm = new double[N][N];
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          hRe[i][j] = (i == j ? 1 : 0) - 2 * (a[i] * a[j] + b[i] * b[j]) / norm;
          hIm[i][j] = -2 * (b[i] * a[j] - a[i] * b[j]) / norm;
        }
      }
      double[][] nRe = new double[N][N];
      double[][] nIm = new double[N][N];
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          for (int t = 0; t < N; t++) {
            nRe[i][j] += re[i][t] * hRe[t][j] - im[i][t] * hIm[t][j];
            nIm[i][j] += re[i][t] * hIm[t][j] + im[i][t] * hRe[t][j];
          }
        }
      }
      re = nRe;
      im = nIm;
    }
    double[][] x = new double[N][N];
    double[][] y = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        x[i][j] = re[i][j] * Math.cos(phases[j]) - im[i][j] * Math.sin(phases[j]);
        y[i][j] = re[i][j] * Math.sin(phases[j]) + im[i][j] * Math.cos(phases[j]);
      }
    }
    double[][] lInverse = new double[N][N]; // forward substitution, column by column
    for (int c = 0; c < N; c++) {
      for (int i = 0; i < N; i++) {
        double sum = i == c ? 1 : 0;
        for (int t = 0; t < i; t++) {
          sum -= l[i][t] * lInverse[t][c];
        }
        lInverse[i][c] = sum / l[i][i];
      }
    }
    double[][] shear = new double[DIM][DIM];
    double[][] scaling = new double[DIM][DIM];
    double[][] unitary = new double[DIM][DIM];
    for (int i = 0; i < N; i++) {
      shear[i][i] = 1;
      shear[N + i][N + i] = 1;
      for (int j = 0; j < N; j++) {
        shear[N + i][j] = bigM[i][j];
        scaling[i][j] = l[j][i];
        scaling[N + i][N + j] = lInverse[i][j];
        unitary[i][j] = x[i][j];
        unitary[i][N + j] = -y[i][j];
        unitary[N + i][j] = y[i][j];
        unitary[N + i][N + j] = x[i][j];
      }
    }
    return multiply(shear, multiply(scaling, unitary));
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int t = 0; t < b.length; t++) {
          c[i][j] += a[i][t] * b[t][j];
        }
      }
    }
    return c;
  }

  private static double maxDifference(double[][] a, double[][] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return worst;
  }

  private static double maxAbs(double[][] a) {
    double worst = 0;
    for (double[] row : a) {
      for (double v : row) {
        worst = Math.max(worst, Math.abs(v));
      }
    }
    return worst;
  }
}

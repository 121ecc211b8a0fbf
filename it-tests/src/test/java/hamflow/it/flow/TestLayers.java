package hamflow.it.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Layers written in the tests against the API alone, as a third party would: a correct one (a
 * learned translation) and broken ones the contract must reject.
 */
final class TestLayers {
  private TestLayers() {}

  /** {@code x ← x + c} with a learned {@code c ∈ R^{2n}}: symplectic, log-det 0. */
  static final class Translation implements BijectiveLayer {
    @Override
    public boolean symplectic() {
      return true;
    }

    @Override
    public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
      Operand<T> c = g.variable("shift", new double[2 * n], 2 * n);
      return new Built<>() {
        @Override
        public Operand<T> forward(Operand<T> x) {
          return g.tf().math.add(x, c);
        }

        @Override
        public Operand<T> inverse(Operand<T> z) {
          return g.tf().math.sub(z, c);
        }

        @Override
        public Operand<T> logDetJacobian(Operand<T> x) {
          return g.tf().zerosLike(g.tf().reduceSum(x, g.tf().constant(1)));
        }
      };
    }
  }

  /** What a broken layer gets wrong. */
  enum Defect {
    /** Scales q by 2 (log-det n·ln 2, correct) but claims to be symplectic. */
    FALSE_SYMPLECTIC,
    /** Scales q by 2 but reports log-det 0 (and does not claim symplecticity). */
    WRONG_LOG_DET,
    /** Scales q by 2, reports the right log-det, but its inverse divides by 2(1 + 1e-6). */
    WRONG_INVERSE
  }

  /** {@code q ← 2q} with the given defect. */
  static final class Broken implements BijectiveLayer {
    private final Defect defect;

    Broken(Defect defect) {
      this.defect = defect;
    }

    @Override
    public boolean symplectic() {
      return defect == Defect.FALSE_SYMPLECTIC;
    }

    @Override
    public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
      var tf = g.tf();
      return new Built<>() {
        @Override
        public Operand<T> forward(Operand<T> x) {
          return g.phaseSpace(tf.math.mul(g.positions(x, n), g.constant(2.0)), g.momenta(x, n));
        }

        @Override
        public Operand<T> inverse(Operand<T> z) {
          double factor = defect == Defect.WRONG_INVERSE ? 0.5 / (1 + 1e-6) : 0.5;
          return g.phaseSpace(tf.math.mul(g.positions(z, n), g.constant(factor)), g.momenta(z, n));
        }

        @Override
        public Operand<T> logDetJacobian(Operand<T> x) {
          Operand<T> zeros = tf.zerosLike(tf.reduceSum(x, tf.constant(1)));
          return defect == Defect.WRONG_LOG_DET
              ? zeros
              : tf.math.add(zeros, g.constant(n * Math.log(2)));
        }
      };
    }
  }
}

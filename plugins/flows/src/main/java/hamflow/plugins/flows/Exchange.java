package hamflow.plugins.flows;

import hamflow.api.NoParameters;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.flow.LayerFactory;
import hamflow.api.model.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The symplectic exchange {@code (q, p) → (p, −q)}: the rotation by a quarter turn in every
 * conjugate plane, whose Jacobian is Ω itself. Between two shears it swaps the roles of
 * coordinates and momenta; no variables.
 */
public final class Exchange implements BijectiveLayer {

  /** Factory for {@code exchange}. */
  public static final LayerFactory<NoParameters> FACTORY = LayerFactory.of("exchange",
      "symplectic exchange (q, p) -> (p, -q)", NoParameters.class, p -> new Exchange());

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int n) {
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        return g.phaseSpace(g.momenta(x, n), g.tf().math.neg(g.positions(x, n)));
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        return g.phaseSpace(g.tf().math.neg(g.momenta(z, n)), g.positions(z, n));
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        return LayerOps.zerosPerExample(g, x);
      }
    };
  }
}

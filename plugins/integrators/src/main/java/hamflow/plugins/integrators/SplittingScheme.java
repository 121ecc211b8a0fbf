package hamflow.plugins.integrators;

import hamflow.api.integrate.HamiltonianField;
import hamflow.api.integrate.Integrator;
import hamflow.api.tf.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * A symmetric splitting method given by its coefficients: alternating kicks (by
 * {@code kicks[i]·h}) and drifts (by {@code drifts[i]·h}), starting with a kick when
 * {@code kickFirst}. Every stage is an exact symplectic sub-flow of a separable H, so the
 * composition is symplectic; the coefficients fix the order.
 */
final class SplittingScheme implements Integrator {
  private final int order;
  private final boolean kickFirst;
  private final double[] first;
  private final double[] second;

  /**
   * @param first coefficients of the stages that come first in each pair (kicks if
   *     {@code kickFirst}, else drifts); one more than {@code second}
   */
  SplittingScheme(int order, boolean kickFirst, double[] first, double[] second) {
    if (first.length != second.length + 1) {
      throw new IllegalArgumentException("a symmetric scheme has one more outer stage than inner");
    }
    this.order = order;
    this.kickFirst = kickFirst;
    this.first = first.clone();
    this.second = second.clone();
  }

  /**
   * Yoshida's composition of leapfrog steps of sizes {@code w[0]h, w[1]h, …}: adjacent half-kicks
   * merge, giving kick coefficients (w₀/2, (w₀+w₁)/2, …, w_last/2) and drift coefficients w.
   */
  static SplittingScheme composedLeapfrog(int order, double... w) {
    double[] kicks = new double[w.length + 1];
    for (int i = 0; i < w.length; i++) {
      kicks[i] += w[i] / 2;
      kicks[i + 1] += w[i] / 2;
    }
    return new SplittingScheme(order, true, kicks, w);
  }

  @Override
  public boolean symplectic() {
    return true;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public boolean requiresSeparable() {
    return true;
  }

  @Override
  public <T extends TFloating> Operand<T> step(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt) {
    Operand<T> y = x;
    for (int i = 0; i < first.length; i++) {
      y = stage(g, field, y, dt, first[i], kickFirst);
      if (i < second.length) {
        y = stage(g, field, y, dt, second[i], !kickFirst);
      }
    }
    return y;
  }

  private static <T extends TFloating> Operand<T> stage(
      GraphContext<T> g, HamiltonianField<T> field, Operand<T> x, Operand<T> dt, double c,
      boolean kick) {
    Operand<T> h = g.tf().math.mul(g.constant(c), dt);
    return kick ? Splitting.kick(g, field, x, h) : Splitting.drift(g, field, x, h);
  }
}

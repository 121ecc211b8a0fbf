package hamflow.runtime.ode;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Reference solutions in float64 with Hipparchus' adaptive Dormand–Prince 8(5,3): the ground
 * truth for generated data and for energy-error evaluation, never a symplectic integrator.
 *
 * <p>The whole batch is integrated as one system so that each right-hand-side evaluation is one
 * batched call (one {@code Session.run}) instead of one per trajectory. Tolerances apply per
 * component, so a batch is held to the same local accuracy as each trajectory alone; the step
 * size follows the hardest trajectory. Output states come from the method's 7th-order dense
 * output at exactly the requested times.
 */
public final class ReferenceOde {
  static final int MAX_EVALUATIONS = 5_000_000;

  private final double relativeTolerance;
  private final double absoluteTolerance;

  public ReferenceOde(double relativeTolerance, double absoluteTolerance) {
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
  }

  /**
   * Integrates every state of {@code initial} ({@code [batch][dim]}) from {@code times[0]} and
   * returns the states at each of {@code times} (non-decreasing): {@code [batch][times][dim]}.
   */
  public double[][][] solve(BatchField field, double[][] initial, double[] times) {
    int batch = initial.length;
    int dim = initial[0].length;
    double[][][] out = new double[batch][times.length][];
    for (int b = 0; b < batch; b++) {
      out[b][0] = initial[b].clone();
    }
    if (times.length == 1 || times[times.length - 1] == times[0]) {
      for (int k = 1; k < times.length; k++) {
        for (int b = 0; b < batch; b++) {
          out[b][k] = initial[b].clone();
        }
      }
      return out;
    }
    double span = times[times.length - 1] - times[0];
    DormandPrince853Integrator integrator =
        new DormandPrince853Integrator(span * 1e-14, span, absoluteTolerance, relativeTolerance);
    // A learned field that blows up would otherwise shrink the step forever.
    integrator.setMaxEvaluations(MAX_EVALUATIONS);
    integrator.addStepHandler(new Sampler(out, times, batch, dim));
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return batch * dim;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[][] d = field.timeDerivative(unflatten(y, batch, dim));
        double[] flat = new double[y.length];
        for (int b = 0; b < batch; b++) {
          System.arraycopy(d[b], 0, flat, b * dim, dim);
        }
        return flat;
      }
    };
    double[] y0 = new double[batch * dim];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(initial[b], 0, y0, b * dim, dim);
    }
    integrator.integrate(ode, new ODEState(times[0], y0), times[times.length - 1]);
    return out;
  }

  /** Stores the dense-output state at each requested time as the steps pass it. */
  private static final class Sampler implements ODEStepHandler {
    private final double[][][] out;
    private final double[] times;
    private final int batch;
    private final int dim;
    private int next = 1;

    Sampler(double[][][] out, double[] times, int batch, int dim) {
      this.out = out;
      this.times = times;
      this.batch = batch;
      this.dim = dim;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
      // The integration ends exactly at the last requested time, so every time is reached.
      double end = interpolator.getCurrentState().getTime();
      while (next < times.length && times[next] <= end) {
        double[] y = times[next] == end
            ? interpolator.getCurrentState().getPrimaryState()
            : interpolator.getInterpolatedState(times[next]).getPrimaryState();
        double[][] states = unflatten(y, batch, dim);
        for (int b = 0; b < batch; b++) {
          out[b][next] = states[b];
        }
        next++;
      }
    }
  }

  static double[][] unflatten(double[] y, int batch, int dim) {
    double[][] s = new double[batch][dim];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(y, b * dim, s[b], 0, dim);
    }
    return s;
  }
}

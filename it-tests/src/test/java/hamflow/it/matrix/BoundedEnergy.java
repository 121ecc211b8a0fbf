package hamflow.it.matrix;

/**
 * The matrix's test of "the energy error stays bounded", for one run of a symplectic integrator.
 *
 * <p>Backward error analysis: a symplectic method of order r follows, for exponentially long
 * times, the exact flow of a modified Hamiltonian H̃ = H + O(dt^r), so its energy error is a
 * function of the current state, bounded by the spread of H̃ − H over the orbit; a
 * non-symplectic method adds a secular drift, growing with t. A run over [0, T] {@link #drifts}
 * when both its envelope and its typical level grow:
 * <ul>
 *   <li>{@link #growth}: max |ΔE| over [0, T] against over [0, T/2]; 2 for a linear drift, about
 *       1 for a bounded error whose envelope is reached by T/2 (the FPUT chain at its defaults
 *       needs t ≈ 110, measured: its envelope grows until then and is flat after);
 *   <li>{@link #levelGrowth}: the median |ΔE| over [3T/4, T] against over [T/4, T/2]; 7/3 for a
 *       linear drift, about 1 for a bounded error even when a rare close approach of a chaotic
 *       orbit (the Coulomb gas) sets a new maximum late in the run (measured: a single such
 *       spike took the envelope ratio of implicit midpoint to 1.7 while the quarter medians
 *       fell from 2.5e-5 to 1.8e-5; RK4 on the same orbits: medians up 1.7–3.8×).
 * </ul>
 * Each must exceed {@link #SATURATION} for a drift.
 *
 * <p>Errors below {@link #ROUND_OFF} · (1 + |E₀|) are not tested for growth: that is round-off
 * accumulated over 10⁴ steps (measured: Yoshida 6 at dt = 0.01 and 2·10⁴ steps stays between
 * 1e-15 and 5e-11 relative on every bundled system, with ratios up to 3 that are a random walk
 * of round-off, not truncation).
 *
 * <p>The theorem needs dt in the asymptotic regime of the orbit. Where it is not (the three-body
 * sampler's close encounters, which no fixed step resolves), the error does not scale as dt^r;
 * {@link #asymptotic} tells the two apart from a second run at twice the step: an O(1) energy
 * error, or one that does not scale as 2^r when the step doubles, is outside the regime.
 */
final class BoundedEnergy {
  static final double SATURATION = 1.5;
  static final double ROUND_OFF = 1e-11;
  /** An energy error above this fraction of 1 + |E₀|: the step does not resolve the orbit. */
  static final double UNRESOLVED = 0.1;

  private BoundedEnergy() {}

  /** Largest |E(t) − E(0)| over the first {@code fraction} of the samples of one trajectory. */
  static double maxError(double[] energy, double fraction) {
    int last = (int) Math.round((energy.length - 1) * fraction);
    double max = 0;
    for (int k = 0; k <= last; k++) {
      max = Math.max(max, Math.abs(energy[k] - energy[0]));
    }
    return max;
  }

  /** Whether the energy error of one trajectory grows in envelope and in level. */
  static boolean drifts(double[] energy) {
    return growth(energy) > SATURATION && levelGrowth(energy) > SATURATION;
  }

  /**
   * (median |ΔE| over the last quarter + floor) / (median over the second quarter + floor):
   * about 1 when bounded, 7/3 for a linear drift from zero.
   */
  static double levelGrowth(double[] energy) {
    int n = energy.length;
    double f = floor(energy);
    return (medianError(energy, 3 * n / 4, n) + f) / (medianError(energy, n / 4, n / 2) + f);
  }

  private static double medianError(double[] energy, int from, int to) {
    double[] err = new double[to - from];
    for (int k = from; k < to; k++) {
      err[k - from] = Math.abs(energy[k] - energy[0]);
    }
    java.util.Arrays.sort(err);
    return err[err.length / 2];
  }

  static double floor(double[] energy) {
    return ROUND_OFF * (1 + Math.abs(energy[0]));
  }

  /**
   * (max error over [0, T] + floor) / (max error over [0, T/2] + floor) for one trajectory's
   * energies sampled uniformly in time: about 1 when bounded, 2 for a linear drift.
   */
  static double growth(double[] energy) {
    double f = floor(energy);
    return (maxError(energy, 1) + f) / (maxError(energy, 0.5) + f);
  }

  /**
   * Whether the step is in the asymptotic regime of an order-{@code order} method on this orbit:
   * the error at dt ({@code fine}) is below {@link #UNRESOLVED} of the energy scale, and the run
   * at 2 dt ({@code coarse}) has an error between 2^(r−1) and 2^(r+1) times it, where 2^r is
   * expected; or both errors are round-off.
   */
  static boolean asymptotic(double[] fine, double[] coarse, int order) {
    double f = floor(fine);
    double errFine = maxError(fine, 1);
    double errCoarse = maxError(coarse, 1);
    if (errCoarse <= f) {
      return true;
    }
    double ratio = errCoarse / errFine;
    return errFine <= UNRESOLVED * (1 + Math.abs(fine[0]))
        && ratio >= Math.pow(2, order - 1) && ratio <= Math.pow(2, order + 1);
  }
}

package hamflow.it.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hamflow.plugins.systems.HarmonicChain;
import hamflow.runtime.analysis.NormalModes;
import hamflow.runtime.analysis.NormalModesSettings;
import hamflow.runtime.simulate.Trajectories;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The normal-mode energies of a harmonic chain with fixed ends: they add up to H, a state in one
 * mode stays in it, and each mode's energy is an invariant of leapfrog up to leapfrog's own
 * (exactly known) oscillation.
 */
class NormalModesTest {
  private static final int SITES = 8;
  private static final double KAPPA = 1.3;
  private static final double DT = 0.1;

  /**
   * The analysis's frequencies are the chain's own ({@link HarmonicChain#normalModeFrequencies}),
   * and the sine transform is orthogonal, so Σ E_k = H at every state to round-off (1e-12
   * relative; H ~ 0.1 here).
   */
  @Test
  void modeEnergiesAddUpToTheHamiltonian() {
    HarmonicChain chain = chain();
    assertThat(NormalModes.frequencies(SITES, KAPPA))
        .containsExactly(chain.normalModeFrequencies(), within(1e-15));
    SplittableRandom random = new SplittableRandom(3);
    double[][] initial = {chain.sampleInitialState(random), chain.sampleInitialState(random)};
    Trajectories t = PoincareSectionTest.simulate(chain, "leapfrog", initial, DT, 2000, 20);
    double[][][] e = NormalModes.energies(new NormalModesSettings(KAPPA, 4), t.states());
    double worst = 0;
    for (int i = 0; i < e.length; i++) {
      for (int s = 0; s < e[i].length; s++) {
        double sum = 0;
        for (double v : e[i][s]) {
          assertThat(v).isGreaterThanOrEqualTo(0);
          sum += v;
        }
        worst = Math.max(worst, Math.abs(sum - t.energy()[i][s]) / t.energy()[i][s]);
      }
    }
    System.out.printf(Locale.ROOT, "[modes] max |Σ E_k − H|/H = %.2e%n", worst);
    assertThat(worst).isLessThan(1e-12);
  }

  /**
   * Leapfrog applied to a linear chain commutes with the (orthogonal) modal transform: every
   * mode is a leapfrog oscillator of frequency ω_k on its own. So a state in mode 3 keeps the
   * other modes at round-off (< 1e-20 of its energy ~1e-2), and each E_k oscillates within the
   * exact leapfrog bound |E_k − E_k(0)|/E_k(0) ≤ h²ω_k²/(4 − h²ω_k²) (h = dt = 0.1: at most
   * 1.3e-2 for ω₈ = 2.25) — no drift, no transfer between modes.
   */
  @Test
  void aSingleModeStaysInItsModeAndModeEnergiesAreInvariant() {
    HarmonicChain chain = chain();
    double[] mode3 = new double[2 * SITES];
    for (int i = 1; i <= SITES; i++) {
      mode3[i - 1] = 0.1 * Math.sin(3 * i * Math.PI / (SITES + 1));
    }
    SplittableRandom random = new SplittableRandom(5);
    double[][] initial = {mode3, chain.sampleInitialState(random)};
    Trajectories t = PoincareSectionTest.simulate(chain, "leapfrog", initial, DT, 4000, 20);
    double[][][] e = NormalModes.energies(new NormalModesSettings(KAPPA, 4), t.states());
    double[] omega = chain.normalModeFrequencies();
    for (int s = 0; s < e[0].length; s++) {
      for (int k = 0; k < SITES; k++) {
        if (k != 2) {
          assertThat(e[0][s][k]).as("energy of mode %d at kept state %d", k + 1, s)
              .isLessThan(1e-20 * e[0][0][2]);
        }
      }
    }
    double worstRatio = 0;
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < SITES; k++) {
        double h2w2 = DT * DT * omega[k] * omega[k];
        double bound = h2w2 / (4 - h2w2);
        double e0 = e[i][0][k];
        if (e0 < 1e-12) {
          continue; // an empty mode has no relative error (and stays empty, checked above)
        }
        for (int s = 0; s < e[i].length; s++) {
          double rel = Math.abs(e[i][s][k] - e0) / e0;
          worstRatio = Math.max(worstRatio, rel / bound);
          assertThat(rel).as("trajectory %d mode %d kept state %d", i, k + 1, s)
              .isLessThanOrEqualTo(bound * (1 + 1e-6) + 1e-12);
        }
      }
    }
    System.out.printf(Locale.ROOT,
        "[modes] largest mode-energy error relative to leapfrog's bound: %.3f%n", worstRatio);
  }

  private static HarmonicChain chain() {
    return new HarmonicChain(new HarmonicChain.Parameters(SITES, KAPPA, 0.1));
  }
}

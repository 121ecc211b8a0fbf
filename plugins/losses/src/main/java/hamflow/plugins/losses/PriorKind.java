package hamflow.plugins.losses;

/** The latent densities the flow objectives offer. */
public enum PriorKind {
  /** Standard normal on all 2n latent coordinates, whatever the temperature. */
  GAUSSIAN,
  /**
   * The Boltzmann density of decoupled oscillators {@code K = Σ ω_k (Q_k² + P_k²)/2} at inverse
   * temperature β, with learned frequencies ω_k (the objective's variable {@code log-omega}).
   */
  LATENT_HARMONIC
}

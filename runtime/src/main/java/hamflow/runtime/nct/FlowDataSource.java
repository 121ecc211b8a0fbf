package hamflow.runtime.nct;

/** Where a flow's training data come from. */
public enum FlowDataSource {
  /** No data: the objective samples its prior (variational free energy). */
  NONE,
  /** Trajectories of the system from its initial-state sampler (DOP853, float64). */
  GENERATE,
  /** Boltzmann samples of the system drawn by the descriptor's stochastic integrator. */
  BOLTZMANN,
  /** An {@code .npz} file: {@code x} of shape {@code [N, 2n]} states or {@code [N, K, 2n]} trajectories. */
  FILE
}

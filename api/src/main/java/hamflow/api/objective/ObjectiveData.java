package hamflow.api.objective;

/** What a {@link FlowObjective} reads from the descriptor's {@code data:} section. */
public enum ObjectiveData {
  /** Nothing: the objective samples its prior and scores states with the system's H. */
  NONE,
  /** Phase-space samples: {@link ObjectiveContext#batch()} is {@code [batch, 2n]}. */
  STATES,
  /**
   * Trajectories sampled at common times: {@link ObjectiveContext#batch()} is
   * {@code [batch, points, 2n]}, one trajectory per row.
   */
  TRAJECTORIES
}

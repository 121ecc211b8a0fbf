package hamflow.api.loss;

/** What each training example holds besides its state {@code x}, as a loss requires it. */
public enum LossTarget {
  /** The time derivative {@code dx/dt} at {@code x}: {@code [batch, 2n]}. */
  TIME_DERIVATIVE,
  /** The observed state one sampling interval after {@code x} on the same trajectory. */
  NEXT_STATE
}

package hamflow.runtime.train;

/** Where the training data of a {@code train} job comes from. */
public enum DataSource {
  /** Trajectories of the descriptor's system, integrated by the reference solver. */
  GENERATE,
  /** A fresh batch of states drawn uniformly from a box every step, targets from the system. */
  FRESH,
  /** A user's {@code .npz} or {@code .csv} file. */
  FILE
}

package hamflow.runtime.train;

/** The loss became NaN or infinite; the message says where and what to try. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String role, int step, double loss) {
    super("training of the " + role + " diverged at step " + step + " (loss " + loss
        + "); try a smaller learning-rate, or float64");
  }
}

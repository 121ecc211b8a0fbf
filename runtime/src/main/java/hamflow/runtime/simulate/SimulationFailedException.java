package hamflow.runtime.simulate;

import java.util.Locale;

/**
 * The integration stopped because a check inside the graph failed — e.g. an implicit
 * integrator's fixed-point iteration did not converge. The message is for the user: what failed
 * (as the integrator worded its check), when, and what to change; no stack trace is needed.
 */
public final class SimulationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SimulationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * From a failed TF assert between kept states {@code fromStep} and {@code toStep}: TF words it
   * {@code assertion failed: [text] [value] [text]\n\t [[{{node …}}]]}; the brackets and the
   * node name are dropped.
   */
  static SimulationFailedException fromAssert(
      RuntimeException e, int fromStep, int toStep, double dt) {
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    int node = text.indexOf("\n");
    if (node >= 0) {
      text = text.substring(0, node);
    }
    text = text.replaceFirst("^assertion failed: ", "").replace("] [", " ")
        .replaceAll("^\\[|\\]$", "").strip();
    return new SimulationFailedException(String.format(Locale.ROOT,
        "simulation failed between steps %d and %d (t = %s .. %s): %s",
        fromStep, toStep, fromStep * dt, toStep * dt, text), e);
  }
}

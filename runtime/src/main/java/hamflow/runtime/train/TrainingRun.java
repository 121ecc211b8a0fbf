package hamflow.runtime.train;

import java.util.Map;

/**
 * What training one model produced: its final variables (model weights and optimizer state, by
 * name) and the recorded loss curve. {@link #weights()} drops the optimizer's slots.
 */
public record TrainingRun(String role, Map<String, double[]> state, LossHistory history,
    double secondsPerStep) {

  /** The model's own variables, without the {@code adam/} slots. */
  public Map<String, double[]> weights() {
    Map<String, double[]> w = new java.util.LinkedHashMap<>();
    state.forEach((k, v) -> {
      if (!k.startsWith("adam/")) {
        w.put(k, v);
      }
    });
    return w;
  }
}

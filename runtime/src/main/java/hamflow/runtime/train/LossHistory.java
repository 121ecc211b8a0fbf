package hamflow.runtime.train;

import java.util.ArrayList;
import java.util.List;

/** Train and test loss recorded every few steps (the train loss is the one the step minimised). */
public final class LossHistory {
  private final List<double[]> rows = new ArrayList<>();

  public void add(int step, double train, double test) {
    rows.add(new double[] {step, train, test});
  }

  /** Rows {@code [step, train, test]}. */
  public List<double[]> rows() {
    return List.copyOf(rows);
  }

  /** Rows recorded before {@code step}, kept when resuming from a checkpoint at {@code step}. */
  public LossHistory until(int step) {
    LossHistory h = new LossHistory();
    rows.stream().filter(r -> r[0] < step).forEach(r -> h.rows.add(r));
    return h;
  }

  static LossHistory of(List<double[]> rows) {
    LossHistory h = new LossHistory();
    h.rows.addAll(rows);
    return h;
  }
}

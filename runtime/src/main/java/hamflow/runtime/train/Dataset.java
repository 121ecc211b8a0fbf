package hamflow.runtime.train;

import hamflow.api.loss.LossTarget;
import java.util.ArrayList;
import java.util.List;

/** Training and test trajectories, and the examples a loss asks for built from them. */
public record Dataset(List<Trajectory> train, List<Trajectory> test) {

  /** Examples: states {@code [N][2n]} with their targets {@code [N][2n]}. */
  public record Examples(double[][] states, double[][] targets) {
    public int size() {
      return states.length;
    }
  }

  public Examples examples(List<Trajectory> trajectories, LossTarget target) {
    List<double[]> states = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    for (Trajectory tr : trajectories) {
      if (target == LossTarget.TIME_DERIVATIVE) {
        for (int k = 0; k < tr.length(); k++) {
          states.add(tr.x()[k]);
          targets.add(tr.dxdt()[k]);
        }
      } else {
        for (int k = 0; k + 1 < tr.length(); k++) {
          states.add(tr.x()[k]);
          targets.add(tr.x()[k + 1]);
        }
      }
    }
    return new Examples(states.toArray(double[][]::new), targets.toArray(double[][]::new));
  }

  /**
   * The one sampling interval of every trajectory, for losses on next states.
   *
   * @throws IllegalArgumentException if samples are not evenly spaced with one common interval
   */
  public double interval() {
    double dt = Double.NaN;
    for (List<Trajectory> part : List.of(train, test)) {
      for (Trajectory tr : part) {
        for (int k = 0; k + 1 < tr.length(); k++) {
          double d = tr.t()[k + 1] - tr.t()[k];
          if (Double.isNaN(dt)) {
            dt = d;
          } else if (Math.abs(d - dt) > 1e-9 * Math.max(1, Math.abs(dt))) {
            throw new IllegalArgumentException("a loss on next states needs evenly spaced samples "
                + "with one interval; found " + dt + " and " + d);
          }
        }
      }
    }
    return dt;
  }

  public int dimension() {
    return train.get(0).x()[0].length;
  }
}

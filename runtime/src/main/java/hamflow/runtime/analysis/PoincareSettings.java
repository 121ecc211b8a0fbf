package hamflow.runtime.analysis;

import hamflow.api.Param;
import java.util.List;

/**
 * The {@code analyses.poincare:} section: a Poincaré section {@code x[plane] = value}, crossed in
 * the chosen direction, and the two coordinates of its points to plot.
 */
public record PoincareSettings(
    @Param(value = "coordinate whose value defines the section plane: q1..qn or p1..pn",
            defaultValue = "q1")
        String plane,
    @Param(value = "the section is where that coordinate equals this value", defaultValue = "0.0")
        double value,
    @Param(value = "which crossings count: up (the coordinate increasing through the value), down,"
            + " or both",
            defaultValue = "up")
        Direction direction,
    @Param(value = "the two coordinates plotted against each other in poincare.png",
            defaultValue = "[q2, p2]")
        List<String> plot) {

  /** Which way a trajectory must cross the plane for the crossing to count. */
  public enum Direction {
    UP, DOWN, BOTH
  }

  public PoincareSettings {
    if (!Coordinates.wellFormed(plane)) {
      throw new IllegalArgumentException(
          "plane '" + plane + "' is not a coordinate name; write q1..qn or p1..pn");
    }
    if (plot.size() != 2) {
      throw new IllegalArgumentException(
          "plot names " + plot.size() + " coordinates; give exactly two, e.g. [q2, p2]");
    }
    for (String name : plot) {
      if (!Coordinates.wellFormed(name)) {
        throw new IllegalArgumentException(
            "plot coordinate '" + name + "' is not a coordinate name; write q1..qn or p1..pn");
      }
    }
    plot = List.copyOf(plot);
  }
}

package hamflow.plugins.models;

import java.util.Collections;
import java.util.List;

/** Helpers shared by the models' parameter records. */
final class NetworkShape {
  private NetworkShape() {}

  /** {@code depth} hidden layers of {@code width} units. */
  static List<Integer> hidden(int width, int depth) {
    return Collections.nCopies(depth, width);
  }
}

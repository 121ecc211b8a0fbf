package hamflow.runtime.tf;

import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** The floating dtype a descriptor chooses for its graph: float32 for training, float64 for checks. */
public enum Precision {
  FLOAT32(TFloat32.class),
  FLOAT64(TFloat64.class);

  private final Class<? extends TFloating> type;

  Precision(Class<? extends TFloating> type) {
    this.type = type;
  }

  public Class<? extends TFloating> type() {
    return type;
  }
}

package hamflow.plugins.flows;

/**
 * Which components of {@code x = (q, p)} condition a coupling layer and pass through unchanged;
 * the others are updated.
 */
public enum Mask {
  /** q conditions, p is updated. */
  Q,
  /** p conditions, q is updated. */
  P,
  /** The even components {@code x₀, x₂, …} of {@code x} condition, the odd ones are updated. */
  ALTERNATE,
  /** The odd components condition, the even ones are updated: the complement of ALTERNATE. */
  ALTERNATE_ODD;

  /** 1 where component {@code i} of {@code x ∈ R^{2n}} is fixed, 0 where it is updated. */
  double[] fixed(int n) {
    double[] b = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      boolean fixed = switch (this) {
        case Q -> i < n;
        case P -> i >= n;
        case ALTERNATE -> i % 2 == 0;
        case ALTERNATE_ODD -> i % 2 == 1;
      };
      b[i] = fixed ? 1 : 0;
    }
    return b;
  }
}

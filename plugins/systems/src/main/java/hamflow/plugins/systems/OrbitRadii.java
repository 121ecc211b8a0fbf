package hamflow.plugins.systems;

import java.util.random.RandomGenerator;

/**
 * The {@code [orbit-radius-min, orbit-radius-max]} range of the Greydanus-style samplers of
 * {@link TwoBody} and {@link ThreeBody}: the check of its two parameters and the uniform draw
 * from it, in one place so that both systems reject and draw alike.
 */
final class OrbitRadii {
  private OrbitRadii() {}

  /** Rejects {@code max < min}, naming both parameters. */
  static void checkRange(double min, double max) {
    if (max < min) {
      throw new IllegalArgumentException("orbit-radius-max (" + max
          + ") must not be below orbit-radius-min (" + min + ")");
    }
  }

  /**
   * {@code u·(max − min) + min} with one draw {@code u = random.nextDouble()}, the operations in
   * Greydanus' order ({@code np.random.rand()*(max_radius-min_radius) + min_radius}).
   */
  static double draw(RandomGenerator random, double min, double max) {
    return random.nextDouble() * (max - min) + min;
  }
}

package hamflow.plugins.systems;

import java.util.random.RandomGenerator;

/**
 * Initial states of one degree of freedom drawn on a ring of the (q, p) plane, the sampler the
 * HNN paper uses: radius uniform in [min, max], angle uniform.
 */
final class RingSampler {
  private RingSampler() {}

  static double[] sample(RandomGenerator random, double radiusMin, double radiusMax, double q0) {
    double r = radiusMin + (radiusMax - radiusMin) * random.nextDouble();
    double angle = 2 * Math.PI * random.nextDouble();
    return new double[] {q0 + r * Math.cos(angle), r * Math.sin(angle)};
  }

  static void checkRange(double radiusMin, double radiusMax) {
    if (radiusMax < radiusMin) {
      throw new IllegalArgumentException(
          "radius-max (" + radiusMax + ") must not be below radius-min (" + radiusMin + ")");
    }
  }
}

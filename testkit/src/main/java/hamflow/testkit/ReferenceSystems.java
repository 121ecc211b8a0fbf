package hamflow.testkit;

import hamflow.api.system.HamiltonianSystem;
import hamflow.api.tf.GraphContext;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.family.TFloating;

/**
 * The Hamiltonians {@link IntegratorContract} integrates, written here against the API alone so
 * that the testkit needs no bundled plugin. Each has a closed-form gradient, so a step's
 * Jacobian needs only first-order autodiff.
 */
public final class ReferenceSystems {
  private ReferenceSystems() {}

  /** {@code H = p²/2m + k(q − q0)²/2} with its exact flow. */
  public static HarmonicOscillator harmonicOscillator(double mass, double stiffness, double q0) {
    return new HarmonicOscillator(mass, stiffness, q0);
  }

  /** Hénon–Heiles, {@code H = |p|²/2 + |q|²/2 + q₁²q₂ − q₂³/3}: separable, nonlinear, n = 2. */
  public static HamiltonianSystem henonHeiles() {
    return new HenonHeiles();
  }

  /**
   * {@code H = (q₁² + q₂² + p₁² + p₂²)/2 + q₁²p₂²/2 + q₂²p₁²/4}: not separable (∂H/∂q depends on
   * p and ∂H/∂p on q), n = 2, level sets compact (H ≥ |x|²/2).
   */
  public static HamiltonianSystem nonSeparable() {
    return new NonSeparable();
  }

  /** The harmonic oscillator, n = 1. */
  public static final class HarmonicOscillator implements HamiltonianSystem {
    private final double mass;
    private final double stiffness;
    private final double q0;

    HarmonicOscillator(double mass, double stiffness, double q0) {
      this.mass = mass;
      this.stiffness = stiffness;
      this.q0 = q0;
    }

    @Override
    public int degreesOfFreedom() {
      return 1;
    }

    @Override
    public boolean separable() {
      return true;
    }

    @Override
    public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      Operand<T> dq = tf.math.sub(g.positions(x, 1), g.constant(q0));
      Operand<T> p = g.momenta(x, 1);
      Operand<T> h = tf.math.add(
          tf.math.mul(g.constant(0.5 / mass), tf.math.square(p)),
          tf.math.mul(g.constant(0.5 * stiffness), tf.math.square(dq)));
      return tf.reshape(h, tf.constant(new int[] {-1}));
    }

    @Override
    public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      Operand<T> dq = tf.math.sub(g.positions(x, 1), g.constant(q0));
      return Optional.of(g.phaseSpace(tf.math.mul(g.constant(stiffness), dq),
          tf.math.mul(g.constant(1 / mass), g.momenta(x, 1))));
    }

    @Override
    public double[] sampleInitialState(RandomGenerator random) {
      return new double[] {q0 + 2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
    }

    /** ω = √(k/m). */
    public double frequency() {
      return Math.sqrt(stiffness / mass);
    }

    /** H of one state, in Java. */
    public double energy(double[] x) {
      double dq = x[0] - q0;
      return x[1] * x[1] / (2 * mass) + stiffness * dq * dq / 2;
    }

    /** The exact flow from {@code x0} over time {@code t}. */
    public double[] exact(double[] x0, double t) {
      double omega = frequency();
      double dq = x0[0] - q0;
      double p = x0[1];
      double c = Math.cos(omega * t);
      double s = Math.sin(omega * t);
      return new double[] {q0 + dq * c + p / (mass * omega) * s, -mass * omega * dq * s + p * c};
    }
  }

  private static final class HenonHeiles implements HamiltonianSystem {
    @Override
    public int degreesOfFreedom() {
      return 2;
    }

    @Override
    public boolean separable() {
      return true;
    }

    @Override
    public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      List<Operand<T>> c = columns(g, x, 4);
      Operand<T> q1 = c.get(0);
      Operand<T> q2 = c.get(1);
      Operand<T> quadratic = tf.math.mul(g.constant(0.5), tf.sum(tf.math.square(x),
          tf.constant(1), Sum.keepDims(true)));
      Operand<T> cubic = tf.math.sub(tf.math.mul(tf.math.square(q1), q2),
          tf.math.mul(g.constant(1.0 / 3), tf.math.mul(tf.math.square(q2), q2)));
      return tf.reshape(tf.math.add(quadratic, cubic), tf.constant(new int[] {-1}));
    }

    @Override
    public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      List<Operand<T>> c = columns(g, x, 4);
      Operand<T> q1 = c.get(0);
      Operand<T> q2 = c.get(1);
      // ∂H/∂q₁ = q₁(1 + 2q₂), ∂H/∂q₂ = q₂ + q₁² − q₂², ∂H/∂p = p.
      Operand<T> dq1 = tf.math.mul(q1, tf.math.add(g.constant(1.0),
          tf.math.mul(g.constant(2.0), q2)));
      Operand<T> dq2 = tf.math.add(q2, tf.math.sub(tf.math.square(q1), tf.math.square(q2)));
      return Optional.of(tf.concat(List.of(dq1, dq2, c.get(2), c.get(3)), tf.constant(1)));
    }

    /** States at energy 1/12 or below, where the orbits stay in the bounded well. */
    @Override
    public double[] sampleInitialState(RandomGenerator random) {
      double[] x = new double[4];
      for (int i = 0; i < 4; i++) {
        x[i] = 0.4 * random.nextDouble() - 0.2;
      }
      return x;
    }
  }

  private static final class NonSeparable implements HamiltonianSystem {
    @Override
    public int degreesOfFreedom() {
      return 2;
    }

    @Override
    public boolean separable() {
      return false;
    }

    @Override
    public <T extends TFloating> Operand<T> hamiltonian(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      List<Operand<T>> c = columns(g, x, 4);
      Operand<T> quadratic = tf.math.mul(g.constant(0.5), tf.sum(tf.math.square(x),
          tf.constant(1), Sum.keepDims(true)));
      Operand<T> q1p2 = tf.math.mul(tf.math.square(c.get(0)), tf.math.square(c.get(3)));
      Operand<T> q2p1 = tf.math.mul(tf.math.square(c.get(1)), tf.math.square(c.get(2)));
      Operand<T> coupling = tf.math.add(
          tf.math.mul(g.constant(0.5), q1p2), tf.math.mul(g.constant(0.25), q2p1));
      return tf.reshape(tf.math.add(quadratic, coupling), tf.constant(new int[] {-1}));
    }

    @Override
    public <T extends TFloating> Optional<Operand<T>> gradient(GraphContext<T> g, Operand<T> x) {
      Ops tf = g.tf();
      List<Operand<T>> c = columns(g, x, 4);
      Operand<T> q1 = c.get(0);
      Operand<T> q2 = c.get(1);
      Operand<T> p1 = c.get(2);
      Operand<T> p2 = c.get(3);
      Operand<T> one = g.constant(1.0);
      Operand<T> half = g.constant(0.5);
      return Optional.of(tf.concat(List.of(
          tf.math.mul(q1, tf.math.add(one, tf.math.square(p2))),
          tf.math.mul(q2, tf.math.add(one, tf.math.mul(half, tf.math.square(p1)))),
          tf.math.mul(p1, tf.math.add(one, tf.math.mul(half, tf.math.square(q2)))),
          tf.math.mul(p2, tf.math.add(one, tf.math.square(q1)))), tf.constant(1)));
    }

    /** Every coordinate uniform in [−1, 1]. */
    @Override
    public double[] sampleInitialState(RandomGenerator random) {
      double[] x = new double[4];
      for (int i = 0; i < 4; i++) {
        x[i] = 2 * random.nextDouble() - 1;
      }
      return x;
    }
  }

  /** The columns of {@code [batch, dim]}, each {@code [batch, 1]}. */
  private static <T extends TFloating> List<Operand<T>> columns(
      GraphContext<T> g, Operand<T> x, int dim) {
    Ops tf = g.tf();
    return IntStream.range(0, dim)
        .mapToObj(i -> (Operand<T>) tf.slice(x, tf.constant(new int[] {0, i}),
            tf.constant(new int[] {-1, 1})))
        .toList();
  }
}

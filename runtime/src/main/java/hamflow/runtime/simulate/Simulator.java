package hamflow.runtime.simulate;

import hamflow.api.integrate.Integrator;
import hamflow.api.system.ConservedQuantity;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.tf.SystemField;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.types.family.TFloating;

/**
 * Integrates a system with an integrator in the runtime's graph. The step is unrolled into
 * chunks of up to {@value #MAX_UNROLL} steps (fewer for steps that add many ops, see
 * {@link #unrollFor}) so one {@code Session.run} advances many steps (each run has a fixed
 * overhead), and the state is fed back between chunks.
 */
public final class Simulator<T extends TFloating> {
  static final int MAX_UNROLL = 50;
  static final int MAX_UNROLLED_OPS = 5000;

  private final TfGraph<T> g;
  private final HamiltonianSystem system;
  private final Integrator integrator;

  public Simulator(TfGraph<T> g, HamiltonianSystem system, Integrator integrator) {
    this.g = g;
    this.system = system;
    this.integrator = integrator;
  }

  /**
   * Advances every initial state {@code steps} steps of size {@code dt}, keeping every
   * {@code keepEvery}-th state ({@code steps} is a multiple of it); {@code progress} receives
   * the number of steps just done.
   */
  public Trajectories run(
      double[][] initial, double dt, int steps, int keepEvery, IntConsumer progress) {
    Operand<T> x0 = g.placeholder();
    SystemField<T> field = new SystemField<>(g, system);
    Operand<T> h = g.constant(dt);
    int before = operationCount();
    Operand<T> x = integrator.step(g, field, x0, h);
    int chunk = largestDivisorAtMost(keepEvery, unrollFor(operationCount() - before));
    for (int i = 1; i < chunk; i++) {
      x = integrator.step(g, field, x, h);
    }
    int kept = steps / keepEvery + 1;
    int batch = initial.length;
    int dim = initial[0].length;
    double[][][] states = new double[batch][kept][];
    double[][] current = initial;
    store(states, 0, current);
    Session session = g.session();
    for (int k = 1; k < kept; k++) {
      for (int c = 0; c < keepEvery / chunk; c++) {
        try (Tensor in = Tensors.matrix(g.dtype(), current);
            Result out = session.runner().feed(x0, in).fetch(x).run()) {
          current = Tensors.rows(out.get(0));
        } catch (TFInvalidArgumentException e) {
          // An assert in the step (e.g. an implicit solve that did not converge): say so plainly.
          int done = (k - 1) * keepEvery + c * chunk;
          throw SimulationFailedException.fromAssert(e, done, done + chunk, dt);
        }
        progress.accept(chunk);
      }
      store(states, k, current);
    }
    double[] times = new double[kept];
    for (int k = 0; k < kept; k++) {
      times[k] = k * keepEvery * dt;
    }
    return new Trajectories(times, states, evaluate(system::hamiltonian, states),
        conserved(states, dim));
  }

  private Map<String, double[][]> conserved(double[][][] states, int dim) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (ConservedQuantity q : system.conservedQuantities()) {
      out.put(q.name(), evaluate(q::evaluate, states));
    }
    return out;
  }

  /** A scalar function of state, as the SPI gives it. */
  private interface Observable {
    <U extends TFloating> Operand<U> apply(hamflow.api.tf.GraphContext<U> g, Operand<U> x);
  }

  private double[][] evaluate(Observable f, double[][][] states) {
    int batch = states.length;
    int kept = states[0].length;
    double[][] flat = new double[batch * kept][];
    for (int i = 0; i < batch; i++) {
      for (int k = 0; k < kept; k++) {
        flat[i * kept + k] = states[i][k];
      }
    }
    Operand<T> x = g.placeholder();
    Operand<T> value = f.apply(g, x);
    double[] values;
    try (Tensor in = Tensors.matrix(g.dtype(), flat);
        Result out = g.session().runner().feed(x, in).fetch(value).run()) {
      values = Tensors.flat(out.get(0));
    }
    double[][] result = new double[batch][kept];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(values, i * kept, result[i], 0, kept);
    }
    return result;
  }

  private static void store(double[][][] states, int k, double[][] current) {
    for (int i = 0; i < states.length; i++) {
      states[i][k] = current[i].clone();
    }
  }

  /**
   * Steps to unroll when one step adds {@code opsPerStep} ops: at most {@value #MAX_UNROLL}, and
   * at most {@value #MAX_UNROLLED_OPS} ops in all. TF optimizes a graph on its first run in time
   * that grows faster than its size (an implicit step iterating 50 times unrolled 50 times, 70k
   * ops, took 78 s; 14k ops 8 s; leapfrog's 4k ops 0.9 s), while past a few thousand ops per run
   * the per-run overhead is already negligible.
   */
  static int unrollFor(int opsPerStep) {
    return Math.max(1, Math.min(MAX_UNROLL, MAX_UNROLLED_OPS / Math.max(1, opsPerStep)));
  }

  private int operationCount() {
    int count = 0;
    for (var it = g.graph().operations(); it.hasNext(); it.next()) {
      count++;
    }
    return count;
  }

  static int largestDivisorAtMost(int n, int cap) {
    for (int d = Math.min(n, cap); d > 1; d--) {
      if (n % d == 0) {
        return d;
      }
    }
    return 1;
  }
}

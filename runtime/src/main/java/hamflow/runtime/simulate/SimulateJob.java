package hamflow.runtime.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.descriptor.Problem;
import hamflow.runtime.report.NpzWriter;
import hamflow.runtime.report.Plots;
import hamflow.runtime.report.RunFolder;
import hamflow.runtime.tf.TfGraph;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.tensorflow.types.family.TFloating;

/**
 * {@code job: simulate}: samples initial states, integrates them, and writes the run folder —
 * the resolved descriptor, trajectories ({@code .npz} and CSV), {@code metrics.json} and plots.
 * Built by Guice from the experiment's bound factories.
 */
public final class SimulateJob {
  private final SimulateDescriptor descriptor;
  private final ObjectNode resolved;
  private final HamiltonianSystem system;
  private final Integrator integrator;
  private final boolean showProgress;

  @Inject
  SimulateJob(
      SimulateDescriptor descriptor,
      @Named("resolved") ObjectNode resolved,
      HamiltonianSystem system,
      Integrator integrator,
      @Named("progress") boolean showProgress) {
    this.descriptor = descriptor;
    this.resolved = resolved;
    this.system = system;
    this.integrator = integrator;
    this.showProgress = showProgress;
  }

  /** Draws the initial states: the system's sampler, seeded from the descriptor. */
  public double[][] initialStates() {
    SplittableRandom random = new SplittableRandom(descriptor.seed());
    double[][] states = new double[descriptor.simulation().trajectories()][];
    int dim = 2 * system.degreesOfFreedom();
    for (int i = 0; i < states.length; i++) {
      states[i] = system.sampleInitialState(random);
      if (states[i].length != dim) {
        throw new IllegalStateException(
            "system '" + descriptor.system().type() + "' sampled a state of length "
                + states[i].length + ", expected 2n = " + dim);
      }
    }
    return states;
  }

  /** Integrates every initial state; no files are written. */
  public Trajectories simulate() {
    SimulationSettings s = descriptor.simulation();
    try (TfGraph<? extends TFloating> g = TfGraph.create(descriptor.dtype());
        ProgressBar bar = progressBar(s.steps())) {
      IntConsumer progress = bar == null ? n -> {} : bar::stepBy;
      return simulate(g, progress);
    }
  }

  private <T extends TFloating> Trajectories simulate(TfGraph<T> g, IntConsumer progress) {
    SimulationSettings s = descriptor.simulation();
    return new Simulator<>(g, system, integrator)
        .run(initialStates(), s.dt(), s.steps(), s.keepEvery(), progress);
  }

  /**
   * Checks what binding alone cannot: that the analyses name coordinates the system has.
   *
   * @throws InvalidDescriptorException listing the problems
   */
  public void checkAnalyses() {
    if (descriptor.analyses() == null) {
      return;
    }
    List<Problem> problems = descriptor.analyses().problems(system.degreesOfFreedom());
    if (!problems.isEmpty()) {
      throw new InvalidDescriptorException("descriptor '" + descriptor.name() + "'", problems);
    }
  }

  /** Simulates and writes the run into {@code folder}, then moves it into place. */
  public Path run(RunFolder folder) throws IOException {
    try {
      checkAnalyses(); // before the simulation, which may be long
      Trajectories t = simulate();
      write(folder, t);
      return folder.commit();
    } catch (IOException | RuntimeException e) {
      folder.discard();
      throw e;
    }
  }

  private void write(RunFolder folder, Trajectories t) throws IOException {
    new YAMLMapper().writeValue(folder.file("descriptor.yaml").toFile(), resolved);
    writeNpz(folder.file("trajectories.npz"), t);
    writeCsv(folder.file("trajectories.csv"), t);
    ObjectNode metrics = metrics(t);
    if (descriptor.analyses() != null) {
      descriptor.analyses().run(system, t.times(), t.states(), folder, metrics, who());
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(folder.file("metrics.json").toFile(), metrics);
    writePlots(folder, t);
  }

  /** "system, integrator", for plot titles. */
  private String who() {
    return descriptor.system().type() + ", " + descriptor.integrator().type();
  }

  private void writeNpz(Path file, Trajectories t) throws IOException {
    int n = t.count();
    int kept = t.times().length;
    int dim = t.dimension();
    double[] x = new double[n * kept * dim];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < kept; k++) {
        System.arraycopy(t.states()[i][k], 0, x, (i * kept + k) * dim, dim);
      }
    }
    NpzWriter npz = new NpzWriter()
        .add("t", new int[] {kept}, t.times())
        .add("x", new int[] {n, kept, dim}, x)
        .add("energy", new int[] {n, kept}, flatten(t.energy()));
    for (Map.Entry<String, double[][]> e : t.conserved().entrySet()) {
      npz.add(e.getKey(), new int[] {n, kept}, flatten(e.getValue()));
    }
    npz.write(file);
  }

  private void writeCsv(Path file, Trajectories t) throws IOException {
    int dof = t.dimension() / 2;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder header = new StringBuilder("trajectory,t");
      for (int j = 1; j <= dof; j++) {
        header.append(",q").append(j);
      }
      for (int j = 1; j <= dof; j++) {
        header.append(",p").append(j);
      }
      header.append(",energy");
      t.conserved().keySet().forEach(name -> header.append(',').append(name));
      out.write(header.toString());
      out.newLine();
      for (int i = 0; i < t.count(); i++) {
        for (int k = 0; k < t.times().length; k++) {
          StringBuilder row = new StringBuilder().append(i).append(',').append(t.times()[k]);
          for (double v : t.states()[i][k]) {
            row.append(',').append(v);
          }
          row.append(',').append(t.energy()[i][k]);
          for (double[][] q : t.conserved().values()) {
            row.append(',').append(q[i][k]);
          }
          out.write(row.toString());
          out.newLine();
        }
      }
    }
  }

  /** The run's figures; the analyses add theirs before {@code metrics.json} is written. */
  private ObjectNode metrics(Trajectories t) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    SimulationSettings s = descriptor.simulation();
    root.put("system", descriptor.system().type());
    root.put("integrator", descriptor.integrator().type());
    root.put("symplectic", integrator.symplectic());
    // A thermostat exchanges energy with its bath: its "energy drift" is physics, not error.
    root.put("stochastic", integrator.stochastic());
    root.put("order", integrator.order());
    root.put("dt", s.dt());
    root.put("steps", s.steps());
    root.put("trajectories", s.trajectories());
    ObjectNode energy = root.putObject("energy");
    energy.put("relative_drift_max", Trajectories.maxRelativeDrift(t.energy()));
    energy.put("relative_drift_final", Trajectories.finalRelativeDrift(t.energy()));
    ObjectNode conserved = root.putObject("conserved");
    t.conserved().forEach((name, values) -> {
      ObjectNode q = conserved.putObject(name);
      q.put("relative_drift_max", Trajectories.maxRelativeDrift(values));
      q.put("relative_drift_final", Trajectories.finalRelativeDrift(values));
    });
    return root;
  }

  private void writePlots(RunFolder folder, Trajectories t) throws IOException {
    int n = t.count();
    int dof = t.dimension() / 2;
    double[][] qs = new double[n][];
    double[][] ps = new double[n][];
    double[][] times = new double[n][];
    double[][] errors = new double[n][];
    for (int i = 0; i < n; i++) {
      double[][] s = t.states()[i];
      qs[i] = new double[s.length];
      ps[i] = new double[s.length];
      for (int k = 0; k < s.length; k++) {
        qs[i][k] = s[k][0];
        ps[i][k] = s[k][dof];
      }
      times[i] = t.times();
      double h0 = t.energy()[i][0];
      errors[i] = new double[s.length];
      for (int k = 0; k < s.length; k++) {
        errors[i][k] = (t.energy()[i][k] - h0) / (h0 == 0 ? 1 : Math.abs(h0));
      }
    }
    String who = who();
    Plots.lines(folder.file("phase-portrait.png"), "Phase portrait (" + who + ")",
        dof == 1 ? "q" : "q1", dof == 1 ? "p" : "p1", qs, ps, "trajectory");
    Plots.lines(folder.file("energy.png"), "Energy (" + who + ")", "t", "H", times,
        t.energy(), "trajectory");
    Plots.lines(folder.file("energy-error.png"), "Relative energy error (" + who + ")", "t",
        "(H(t) - H(0)) / |H(0)|", times, errors, "trajectory");
  }

  private ProgressBar progressBar(int steps) {
    if (!showProgress) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("simulate")
        .setInitialMax(steps)
        .setUnit(" steps", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }

  private static double[] flatten(double[][] rows) {
    int cols = rows[0].length;
    double[] flat = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return flat;
  }
}

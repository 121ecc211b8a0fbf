package hamflow.runtime.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import hamflow.api.integrate.Integrator;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.descriptor.Problem;
import hamflow.runtime.descriptor.SourceTree;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.nct.FlowChecks;
import hamflow.runtime.nct.FlowDescriptor;
import hamflow.runtime.nct.FlowJob;
import hamflow.runtime.nct.FlowModule;
import hamflow.runtime.report.RunFolder;
import hamflow.runtime.simulate.SimulateDescriptor;
import hamflow.runtime.simulate.SimulateJob;
import hamflow.runtime.train.TrainDescriptor;
import hamflow.runtime.train.TrainJob;
import hamflow.runtime.train.TrainModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A descriptor file bound, checked and wired: what {@code hamflow validate} stops at and
 * {@code hamflow run} then runs. Nothing is written until {@link #run}.
 */
public final class Experiment {
  /** The jobs a descriptor's {@code job:} can name. */
  public static final List<String> JOBS = List.of("simulate", "train", "flow");

  private final SimulateDescriptor descriptor;
  private final TrainDescriptor train;
  private final FlowDescriptor flow;
  private final Injector injector;
  private final Path file;

  private Experiment(SimulateDescriptor descriptor, TrainDescriptor train, FlowDescriptor flow,
      Injector injector, Path file) {
    this.descriptor = descriptor;
    this.train = train;
    this.flow = flow;
    this.injector = injector;
    this.file = file;
  }

  /**
   * Reads, binds and checks {@code file}.
   *
   * @throws InvalidDescriptorException with every problem found
   */
  public static Experiment load(Path file, PluginRegistry registry, boolean showProgress) {
    SourceTree source = SourceTree.read(file);
    checkJob(source);
    Binder binder = new Binder(source, registry);
    if (source.root().path("job").asText("simulate").equals("flow")) {
      Binder.Bound<FlowDescriptor> bound = binder.bindRoot(FlowDescriptor.class);
      FlowChecks.check(binder, bound.value());
      Injector injector = Guice.createInjector(Stage.PRODUCTION,
          new FlowModule(bound.value(), bound.resolved(), showProgress));
      return new Experiment(null, null, bound.value(), injector, file);
    }
    if (source.root().path("job").asText("simulate").equals("train")) {
      Binder.Bound<TrainDescriptor> bound = binder.bindRoot(TrainDescriptor.class);
      TrainChecks.check(binder, bound.value());
      Injector injector = Guice.createInjector(Stage.PRODUCTION,
          new TrainModule(bound.value(), bound.resolved(), showProgress));
      return new Experiment(null, bound.value(), null, injector, file);
    }
    Binder.Bound<SimulateDescriptor> bound = binder.bindRoot(SimulateDescriptor.class);
    Injector injector = Guice.createInjector(Stage.PRODUCTION,
        new SimulateModule(bound.value(), bound.resolved(), showProgress));
    checkCompatible(binder, registry, bound.value(), injector);
    return new Experiment(bound.value(), null, null, injector, file);
  }

  private static void checkJob(SourceTree source) {
    JsonNode job = source.root().path("job");
    if (job.isTextual() && !JOBS.contains(job.textValue())) {
      throw new InvalidDescriptorException(source.file(), List.of(new Problem("job",
          source.lineOf("job"), "unknown job '" + job.textValue() + "'; valid choices: "
              + String.join(", ", JOBS))));
    }
  }

  /** Explicit splitting methods need a separable H: say so, and name the integrators that work. */
  private static void checkCompatible(
      Binder binder, PluginRegistry registry, SimulateDescriptor d, Injector injector) {
    HamiltonianSystem system = injector.getInstance(HamiltonianSystem.class);
    Integrator integrator = injector.getInstance(Integrator.class);
    if (integrator.requiresSeparable() && !system.separable()) {
      List<String> working = new ArrayList<>();
      for (RegisteredFactory f : registry.all(Kind.INTEGRATOR)) {
        Optional<Integrator> candidate = Binder.createWithDefaults(f, Integrator.class);
        if (candidate.isPresent() && !candidate.get().requiresSeparable()) {
          working.add(f.type());
        }
      }
      binder.report("integrator.type", "integrator '" + d.integrator().type()
          + "' is an explicit splitting method and needs a separable H = T(p) + V(q), but system '"
          + d.system().type() + "' is not separable; integrators that work: "
          + (working.isEmpty() ? "none installed" : String.join(", ", working)));
    }
    if (d.analyses() != null) {
      // Coordinates named by analyses (poincare.plane: q3) must exist in the system.
      for (Problem p : d.analyses().problems(system.degreesOfFreedom())) {
        binder.report(p.path(), p.message());
      }
    }
    binder.throwIfProblems();
  }

  /** The bound descriptor of a simulate job (null for other jobs). */
  public SimulateDescriptor descriptor() {
    return descriptor;
  }

  /** The bound descriptor of a train job (null for other jobs). */
  public TrainDescriptor trainDescriptor() {
    return train;
  }

  /** The bound descriptor of a flow job (null for other jobs). */
  public FlowDescriptor flowDescriptor() {
    return flow;
  }

  /** The name of the experiment, whatever its job. */
  public String name() {
    return train != null ? train.name() : flow != null ? flow.name() : descriptor.name();
  }

  /** The job object graph, for callers (and tests) that want its pieces. */
  public SimulateJob job() {
    return injector.getInstance(SimulateJob.class);
  }

  /** Runs the job into {@code out}, or a new {@code runs/<name>-<timestamp>} under {@code runsRoot}. */
  public Path run(Path out, Path runsRoot) throws IOException {
    RunFolder folder = RunFolder.create(out, runsRoot, name());
    if (train != null) {
      return injector.getInstance(TrainJob.class).run(folder, descriptorDir());
    }
    if (flow != null) {
      return injector.getInstance(FlowJob.class).run(folder, descriptorDir());
    }
    return job().run(folder);
  }

  /**
   * Continues an interrupted train run in {@code dir} (whose {@code descriptor.yaml} this
   * experiment was loaded from) from its latest checkpoints.
   */
  public Path resume(Path dir) throws IOException {
    if (flow != null) {
      return injector.getInstance(FlowJob.class).resume(dir, descriptorDir());
    }
    if (train == null) {
      throw new IllegalArgumentException("--resume continues train and flow runs; " + dir
          + " holds a simulate run");
    }
    return injector.getInstance(TrainJob.class).resume(dir, descriptorDir());
  }

  private Path descriptorDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}

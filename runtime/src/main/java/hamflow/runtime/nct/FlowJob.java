package hamflow.runtime.nct;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hamflow.api.integrate.Integrator;
import hamflow.api.objective.FlowObjective;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.flow.FlowStack;
import hamflow.runtime.report.NpzWriter;
import hamflow.runtime.report.RunFolder;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.train.Checkpoints;
import hamflow.runtime.train.LossHistory;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.tensorflow.types.family.TFloating;

/**
 * {@code job: flow}: loads or generates the data, trains the flow on its objective with
 * checkpoints ({@code hamflow run --resume RUN_DIR} continues from the latest), then writes the
 * report ({@code metrics.json}, plots) into the run folder.
 */
public final class FlowJob {
  static final String ROLE = "flow";

  private final FlowDescriptor d;
  private final ObjectNode resolved;
  private final boolean showProgress;

  @Inject
  FlowJob(FlowDescriptor descriptor, @Named("resolved") ObjectNode resolved,
      @Named("progress") boolean showProgress) {
    this.d = descriptor;
    this.resolved = resolved;
    this.showProgress = showProgress;
  }

  /** Runs into a new folder. */
  public Path run(RunFolder folder, Path descriptorDir) throws IOException {
    FlowTrainer.Setup setup;
    try {
      setup = setup(descriptorDir); // a bad data file fails here, before any folder appears
    } catch (RuntimeException e) {
      folder.discard();
      throw e;
    }
    Path dir = folder.commit();
    new YAMLMapper().writeValue(dir.resolve("descriptor.yaml").toFile(), resolved);
    return execute(dir, setup, false);
  }

  /** Continues the run in {@code dir} from its latest checkpoint, then rewrites its report. */
  public Path resume(Path dir, Path descriptorDir) throws IOException {
    return execute(dir, setup(descriptorDir), true);
  }

  /**
   * Builds the training graph without running it (on the real data shapes when a system gives
   * the dimension), so that a layer or objective that cannot serve this descriptor is reported
   * as a descriptor problem, at {@code objective} or {@code layers}. Returns the refusal, if
   * any.
   */
  public static Optional<Refusal> checkBuild(FlowDescriptor d) {
    if (d.system() == null) {
      return Optional.empty(); // the dimension comes from the data file, checked when loaded
    }
    HamiltonianSystem system = d.system().create(HamiltonianSystem.class);
    FlowObjective objective = d.objective().create(FlowObjective.class);
    try {
      FlowTrainer.dryBuild(new FlowTrainer.Setup(FlowStack.of(d.layers()), layerTypes(d), objective,
          Optional.of(system), system.degreesOfFreedom(), stand(system, objective),
          d.training(), d.seed()), d.dtype());
      return Optional.empty();
    } catch (FlowTrainer.ObjectiveRefused e) {
      return Optional.of(new Refusal("objective", e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Optional.of(new Refusal("layers", e.getMessage()));
    }
  }

  /** The type of each layer of the stack, {@code repeat:} blocks expanded. */
  static java.util.List<String> layerTypes(FlowDescriptor d) {
    return d.layers().expanded().stream().map(l -> l.plugin().type()).toList();
  }

  /** Why a dry build failed, and the descriptor section it is reported at. */
  public record Refusal(String path, String message) {}

  /** Two zero trajectories of two points, standing in for the data in a dry build. */
  private static FlowData stand(HamiltonianSystem system, FlowObjective objective) {
    if (objective.data() == hamflow.api.objective.ObjectiveData.NONE) {
      return null;
    }
    double[][][] zeros = new double[2][2][2 * system.degreesOfFreedom()];
    return new FlowData(zeros, zeros);
  }

  private FlowTrainer.Setup setup(Path descriptorDir) {
    Optional<HamiltonianSystem> system =
        Optional.ofNullable(d.system()).map(s -> s.create(HamiltonianSystem.class));
    Integrator integrator = d.integrator() == null ? null : d.integrator().create(Integrator.class);
    FlowObjective objective = d.objective().create(FlowObjective.class);
    FlowData data = FlowData.load(d.data(), d.seed(), system.orElse(null), integrator,
        descriptorDir);
    if (data != null) {
      data.check(objective.data());
    }
    int n = system.map(HamiltonianSystem::degreesOfFreedom).orElseGet(() -> data.dimension() / 2);
    return new FlowTrainer.Setup(FlowStack.of(d.layers()), layerTypes(d), objective, system, n,
        data,
        d.training(), d.seed());
  }

  private Path execute(Path dir, FlowTrainer.Setup setup, boolean resume) throws IOException {
    if (setup.data() != null) {
      writeData(dir.resolve("data.npz"), setup.data());
    }
    Optional<Checkpoints.Saved> saved =
        resume ? Checkpoints.latest(dir, ROLE) : Optional.empty();
    FlowTrainer.Outcome outcome;
    try (TfGraph<? extends TFloating> g = TfGraph.create(d.dtype());
        ProgressBar bar = progressBar(saved.map(Checkpoints.Saved::step).orElse(0))) {
      outcome = train(g, dir, setup, saved, bar);
    }
    Map<String, Object> metrics = new FlowReport(setup, d.evaluation(), dir).write(outcome);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("metrics.json").toFile(), metrics);
    return dir;
  }

  private <T extends TFloating> FlowTrainer.Outcome train(TfGraph<T> g, Path dir,
      FlowTrainer.Setup setup, Optional<Checkpoints.Saved> saved, ProgressBar bar) {
    FlowTrainer<T> trainer = new FlowTrainer<>(g, setup);
    Checkpoints[] checkpoints = new Checkpoints[1];
    int start = Math.min(saved.map(Checkpoints.Saved::step).orElse(0),
        d.training().totalSteps());
    LossHistory history = saved.map(s -> s.history().until(s.step())).orElse(new LossHistory());
    return trainer.run(start, saved.map(Checkpoints.Saved::state).orElse(null), history,
        bar == null ? k -> {} : bar::stepBy,
        bar == null ? l -> {} : l -> bar.setExtraMessage(String.format(" loss %.4e", l)),
        (step, state, h) -> {
          if (checkpoints[0] == null) {
            checkpoints[0] = new Checkpoints(dir, trainer.shapes());
          }
          checkpoints[0].save(ROLE, step, state, h);
        });
  }

  private static void writeData(Path file, FlowData data) throws IOException {
    NpzWriter w = new NpzWriter();
    for (String part : new String[] {"train", "test"}) {
      double[][][] x = part.equals("train") ? data.train() : data.test();
      double[] flat = Arrays.stream(x).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
          .toArray();
      w.add("x_" + part, new int[] {x.length, x[0].length, x[0][0].length}, flat);
    }
    w.write(file);
  }

  private ProgressBar progressBar(int start) {
    if (!showProgress) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("train flow")
        .setInitialMax(d.training().totalSteps()).startsFrom(start, java.time.Duration.ZERO)
        .setUnit(" steps", 1).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }
}

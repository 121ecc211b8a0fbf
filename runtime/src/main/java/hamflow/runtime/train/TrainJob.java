package hamflow.runtime.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hamflow.api.integrate.Integrator;
import hamflow.api.loss.Loss;
import hamflow.api.model.Model;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.BoundPlugin;
import hamflow.runtime.report.RunFolder;
import hamflow.runtime.tf.TfGraph;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.tensorflow.types.family.TFloating;

/**
 * {@code job: train}: builds the data, trains the model (and the baseline, if any) with
 * checkpoints, evaluates both by the Greydanus protocol, exports the model as a SavedModel and
 * writes the report. The run folder is created first and filled as the run goes, so that
 * {@code hamflow run --resume RUN_DIR} can continue from its checkpoints after an interruption.
 */
public final class TrainJob {
  static final String MODEL = "model";
  static final String BASELINE = "baseline";

  private final TrainDescriptor d;
  private final ObjectNode resolved;
  private final boolean showProgress;

  @Inject
  TrainJob(TrainDescriptor descriptor, @Named("resolved") ObjectNode resolved,
      @Named("progress") boolean showProgress) {
    this.d = descriptor;
    this.resolved = resolved;
    this.showProgress = showProgress;
  }

  /** The true system, when the descriptor names one. */
  Optional<HamiltonianSystem> system() {
    return Optional.ofNullable(d.system()).map(s -> s.create(HamiltonianSystem.class));
  }

  /** Runs into a new folder. */
  public Path run(RunFolder folder, Path descriptorDir) throws IOException {
    Inputs in;
    try {
      in = inputs(descriptorDir); // a bad data file fails here, before any folder appears
    } catch (RuntimeException e) {
      folder.discard();
      throw e;
    }
    Path dir = folder.commit(); // filled in place so that an interrupted run can be resumed
    new YAMLMapper().writeValue(dir.resolve("descriptor.yaml").toFile(), resolved);
    return execute(dir, in, false);
  }

  /**
   * Builds the training graph of each model on stand-in data without running it, so a loss that
   * cannot serve a model is reported as a descriptor problem. Returns the message, if any.
   */
  public static Optional<String> checkBuild(TrainDescriptor d) {
    if (d.system() == null) {
      return Optional.empty(); // the dimension comes from the data file, checked when loaded
    }
    HamiltonianSystem system = d.system().create(HamiltonianSystem.class);
    Optional<Integrator> integrator =
        Optional.ofNullable(d.integrator()).map(i -> i.create(Integrator.class));
    try {
      for (BoundPlugin m : d.baseline() == null ? java.util.List.of(d.model())
          : java.util.List.of(d.model(), d.baseline())) {
        Trainer.dryBuild(new Trainer.Setup(MODEL, m.create(Model.class), d.loss().create(Loss.class),
            integrator, system, null, d.data(), d.training(), d.seed()), d.dtype(),
            system.degreesOfFreedom());
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** What a run reads before training: the system, the integrator, the data. */
  private record Inputs(HamiltonianSystem system, Optional<Integrator> integrator, Dataset data) {}

  private Inputs inputs(Path descriptorDir) {
    HamiltonianSystem system = system().orElse(null);
    Optional<Integrator> integrator =
        Optional.ofNullable(d.integrator()).map(i -> i.create(Integrator.class));
    return new Inputs(system, integrator, data(system, descriptorDir, integrator.orElse(null)));
  }

  /** Continues the run in {@code dir} from its latest checkpoints, then rewrites its report. */
  public Path resume(Path dir, Path descriptorDir) throws IOException {
    return execute(dir, inputs(descriptorDir), true);
  }

  private Path execute(Path dir, Inputs in, boolean resume) throws IOException {
    HamiltonianSystem system = in.system();
    Optional<Integrator> integrator = in.integrator();
    Dataset data = in.data();
    if (data != null) {
      TrainReport.writeData(dir.resolve("data.npz"), data);
    }
    Loss loss = d.loss().create(Loss.class);
    int n = system != null ? system.degreesOfFreedom() : data.dimension() / 2;
    Map<String, BoundPlugin> roles = new LinkedHashMap<>();
    roles.put(MODEL, d.model());
    if (d.baseline() != null) {
      roles.put(BASELINE, d.baseline());
    }
    Map<String, TrainingRun> runs = new LinkedHashMap<>();
    Map<String, Model> models = new LinkedHashMap<>();
    for (Map.Entry<String, BoundPlugin> role : roles.entrySet()) {
      Model model = role.getValue().create(Model.class);
      models.put(role.getKey(), model);
      Trainer.Setup setup = new Trainer.Setup(role.getKey(), model, loss, integrator, system, data,
          d.data(), d.training(), d.seed());
      Optional<Checkpoints.Saved> saved =
          resume ? Checkpoints.latest(dir, role.getKey()) : Optional.empty();
      runs.put(role.getKey(), train(dir, setup, saved));
    }
    Map<String, Object> metrics = new TrainReport(d, dir, system, data, n, models, runs).write();
    if (models.get(MODEL) != null) {
      SavedModelExport.export(dir.resolve("saved-model"), models.get(MODEL), n,
          runs.get(MODEL).weights(), d.dtype());
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(dir.resolve("metrics.json").toFile(), metrics);
    return dir;
  }

  private Dataset data(HamiltonianSystem system, Path descriptorDir, Integrator integrator) {
    return switch (d.data().source()) {
      case GENERATE -> DataGenerator.generate(system, d.data(), d.seed(), integrator);
      case FILE -> DataFiles.load(descriptorDir.resolve(d.data().file()),
          system == null ? 0 : system.degreesOfFreedom(), d.data().trainFraction());
      case FRESH -> null;
    };
  }

  private TrainingRun train(Path dir, Trainer.Setup setup, Optional<Checkpoints.Saved> saved) {
    try (TfGraph<? extends TFloating> g = TfGraph.create(d.dtype());
        ProgressBar bar = progressBar(setup.role(), saved.map(Checkpoints.Saved::step).orElse(0))) {
      return train(g, dir, setup, saved, bar);
    }
  }

  private <T extends TFloating> TrainingRun train(TfGraph<T> g, Path dir, Trainer.Setup setup,
      Optional<Checkpoints.Saved> saved, ProgressBar bar) {
    Trainer<T> trainer = new Trainer<>(g, setup);
    Checkpoints[] checkpoints = new Checkpoints[1];
    int start = saved.map(Checkpoints.Saved::step).orElse(0);
    LossHistory history = saved.map(s -> s.history().until(s.step())).orElse(new LossHistory());
    return trainer.run(Math.min(start, d.training().steps()), saved.map(Checkpoints.Saved::state).orElse(null),
        history,
        bar == null ? k -> {} : bar::stepBy,
        bar == null ? l -> {} : l -> bar.setExtraMessage(String.format(" loss %.3e", l)),
        (step, state, h) -> {
          if (checkpoints[0] == null) {
            checkpoints[0] = new Checkpoints(dir, trainer.shapes());
          }
          checkpoints[0].save(setup.role(), step, state, h);
        });
  }

  private ProgressBar progressBar(String role, int start) {
    if (!showProgress) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("train " + role)
        .setInitialMax(d.training().steps()).startsFrom(start, java.time.Duration.ZERO)
        .setUnit(" steps", 1).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }

  /** Whether the run folder holds a finished report. */
  static boolean finished(Path dir) {
    return Files.exists(dir.resolve("metrics.json"));
  }
}

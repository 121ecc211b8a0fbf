package hamflow.runtime.experiment;

import hamflow.api.loss.Loss;
import hamflow.api.loss.LossTarget;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.train.DataSource;
import hamflow.runtime.train.TrainJob;
import hamflow.runtime.train.TrainDescriptor;

/** Checks across the sections of a train descriptor, reported with their paths before any work. */
final class TrainChecks {
  private TrainChecks() {}

  static void check(Binder binder, TrainDescriptor d) {
    if (d.system() == null && d.data().source() != DataSource.FILE) {
      binder.report("system", "data source '" + d.data().source().name().toLowerCase(java.util.Locale.ROOT)
          + "' draws from a system, but no 'system:' section is given");
    }
    Loss loss = d.loss().create(Loss.class);
    if (loss.target() == LossTarget.NEXT_STATE) {
      if (d.integrator() == null) {
        binder.report("loss.type", "loss '" + d.loss().type() + "' rolls the model forward and "
            + "needs an 'integrator:' section");
      }
      if (d.data().source() == DataSource.FRESH) {
        binder.report("data.source", "loss '" + d.loss().type() + "' needs trajectories; data "
            + "source 'fresh' gives single states (use generate or file)");
      }
    }
    if (d.data().generator() == hamflow.runtime.train.DataSettings.Generator.INTEGRATOR
        && d.integrator() == null) {
      binder.report("data.generator", "generator 'integrator' needs an 'integrator:' section");
    }
    if (d.evaluation().rollout() != null && d.integrator() == null) {
      binder.report("evaluation.rollout", "a rollout needs an 'integrator:' section");
    }
    binder.throwIfProblems();
    TrainJob.checkBuild(d).ifPresent(message -> binder.report("loss.type", message));
    binder.throwIfProblems();
  }
}

package hamflow.runtime.nct;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.objective.ObjectiveData;
import hamflow.runtime.flow.PrefixedContext;
import hamflow.runtime.tf.TfGraph;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.train.FrozenVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat64;

/**
 * The objective and its reports for given weights, in float64 with the weights frozen: on the
 * whole test set when the objective reads data, on {@code evaluation.samples} prior draws (fixed
 * seed) when it does not.
 */
final class ObjectiveEvaluation {
  private ObjectiveEvaluation() {}

  /** {@code loss} and each report, by name. */
  static Map<String, Double> evaluate(FlowTrainer.Setup s, Map<String, double[]> weights,
      FlowEvaluationSettings e) {
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      FrozenVariables<TFloat64> frozen = new FrozenVariables<>(g, weights, "");
      BijectiveLayer.Built<TFloat64> flow =
          s.stack().build(new PrefixedContext<>(frozen, FlowTrainer.FLOW), s.degreesOfFreedom());
      Operand<TFloat64> batch = null;
      if (s.data() != null && s.objective().data() != ObjectiveData.NONE) {
        batch = s.objective().data() == ObjectiveData.TRAJECTORIES
            ? Constants.of(g, s.data().test()) : Constants.of(g, FlowData.states(s.data().test()));
      }
      Operand<TFloat64> fixedBatch = batch;
      ObjectiveGraph<TFloat64> c = new ObjectiveGraph<>(
          new PrefixedContext<>(frozen, FlowTrainer.OBJECTIVE), flow, () -> flow,
          s.degreesOfFreedom(),
          s.system(), () -> fixedBatch, e.samples(), g.tf().constant(0L), s.seed() + 7);
      Operand<TFloat64> loss = s.objective().build(c);
      List<String> names = new ArrayList<>(c.reports().keySet());
      Session.Runner runner = g.session().runner().fetch(loss);
      names.forEach(n -> runner.fetch(c.reports().get(n)));
      Map<String, Double> out = new LinkedHashMap<>();
      try (Result r = runner.run()) {
        out.put("loss", Tensors.flat(r.get(0))[0]);
        for (int i = 0; i < names.size(); i++) {
          out.put(names.get(i), Tensors.flat(r.get(i + 1))[0]);
        }
      }
      return out;
    }
  }
}

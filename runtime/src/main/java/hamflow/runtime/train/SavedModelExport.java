package hamflow.runtime.train;

import hamflow.api.model.LearnedField;
import hamflow.api.model.Model;
import hamflow.runtime.tf.Precision;
import hamflow.runtime.tf.TfGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.types.family.TFloating;

/**
 * Exports a trained model as a TensorFlow SavedModel whose weights are constants, with named
 * signatures: {@value #FIELD} ({@code x [batch, 2n] → dxdt [batch, 2n]}) always and
 * {@value #HAMILTONIAN} ({@code x → H [batch]}) when the model learns one. Loadable from Python
 * ({@code tf.saved_model.load}) and Java ({@code SavedModelBundle.load}).
 */
public final class SavedModelExport {
  public static final String FIELD = "vector_field";
  public static final String HAMILTONIAN = "hamiltonian";

  private SavedModelExport() {}

  public static void export(Path dir, Model model, int n, Map<String, double[]> weights,
      Precision dtype) throws IOException {
    try (TfGraph<? extends TFloating> g = TfGraph.create(dtype)) {
      export(g, dir, model, n, weights);
    }
  }

  private static <T extends TFloating> void export(TfGraph<T> g, Path dir, Model model, int n,
      Map<String, double[]> weights) throws IOException {
    LearnedField<T> f = model.build(new FrozenVariables<>(g, weights, ""), n);
    Operand<T> x = g.placeholder();
    List<SessionFunction> functions = new ArrayList<>();
    functions.add(SessionFunction.create(Signature.builder(FIELD).input("x", x)
        .output("dxdt", f.timeDerivative(x)).build(), g.session()));
    f.hamiltonian(x).ifPresent(h -> functions.add(SessionFunction.create(
        Signature.builder(HAMILTONIAN).input("x", x).output("H", h).build(), g.session())));
    SavedModelBundle.exporter(dir.toString()).withSession(g.session())
        .withFunctions(functions.toArray(SessionFunction[]::new)).export();
  }
}

package hamflow.it.flow;

import hamflow.testkit.RandomWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import hamflow.api.flow.BijectiveLayer;
import hamflow.api.nn.Activation;
import hamflow.plugins.flows.Coupling;
import hamflow.plugins.flows.DiagonalScaling;
import hamflow.plugins.flows.Exchange;
import hamflow.plugins.flows.LinearSymplectic;
import hamflow.plugins.flows.Mask;
import hamflow.plugins.flows.Potential;
import hamflow.plugins.flows.SymplecticShear;
import hamflow.runtime.descriptor.Binder;
import hamflow.runtime.descriptor.InvalidDescriptorException;
import hamflow.runtime.descriptor.Problem;
import hamflow.runtime.descriptor.SourceTree;
import hamflow.runtime.flow.FlowStack;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.tf.Tensors;
import hamflow.runtime.tf.TfGraph;
import hamflow.testkit.LayerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat64;

/**
 * A descriptor's {@code layers:} list, with nested {@code repeat:} blocks, binds to the stack the
 * same layers make in Java (same variables, same outputs bit for bit), and every problem in a bad
 * list is reported at once with its path and line.
 */
class StackDescriptorTest {
  private static final String STACK = """
      model:
        layers:
          - type: diagonal-scaling
          - repeat: 2
            layers:
              - {type: exchange}
              - {type: symplectic-shear-p, potential: irrotational, width: 8}
              - repeat: 1
                layers: [{type: linear-symplectic}]
          - {type: affine-coupling, mask: p, width: 8, depth: 1}
      """;

  private static FlowStack javaStack() {
    SymplecticShear.Parameters shear =
        new SymplecticShear.Parameters(Potential.IRROTATIONAL, 8, 2, Activation.TANH);
    List<BijectiveLayer> layers = new ArrayList<>();
    layers.add(new DiagonalScaling());
    for (int i = 0; i < 2; i++) {
      layers.add(new Exchange());
      layers.add(new SymplecticShear(shear, true));
      layers.add(new LinearSymplectic());
    }
    layers.add(new Coupling(new Coupling.Parameters(Mask.P, 8, 1, Activation.TANH), true));
    return FlowStack.of(layers);
  }

  private static Binder.BoundList bind(String yaml) {
    Binder binder = new Binder(SourceTree.parse("stack.yaml", yaml), FlowPlugins.registry());
    Binder.BoundList list = binder.bindList(Kind.LAYER, "model.layers");
    binder.throwIfProblems();
    return list;
  }

  @Test
  void yamlStackEqualsTheJavaStack() {
    Binder.BoundList bound = bind(STACK);
    assertThat(bound.expanded()).extracting(s -> s.plugin().type()).containsExactly(
        "diagonal-scaling", "exchange", "symplectic-shear-p", "linear-symplectic",
        "exchange", "symplectic-shear-p", "linear-symplectic", "affine-coupling");
    assertThat(bound.expanded().get(2).path()).isEqualTo("model.layers[1].layers[1]");
    assertThat(bound.expanded().get(3).path()).isEqualTo("model.layers[1].layers[2].layers[0]");
    // The resolved tree keeps the structure and fills in every default.
    JsonNode shear = bound.resolved().get(1).get("layers").get(1);
    assertThat(shear.get("type").textValue()).isEqualTo("symplectic-shear-p");
    assertThat(shear.get("depth").intValue()).isEqualTo(2);
    assertThat(shear.get("activation").textValue()).isEqualTo("tanh");
    assertThat(bound.resolved().get(1).get("repeat").intValue()).isEqualTo(2);

    FlowStack fromYaml = FlowStack.of(bound);
    FlowStack fromJava = javaStack();
    assertThat(fromYaml.symplectic()).isFalse();
    assertThat(fromYaml.layers()).hasSameSizeAs(fromJava.layers());

    Evaluated a = evaluate(fromYaml);
    Evaluated b = evaluate(fromJava);
    assertThat(a.variables().keySet()).containsExactlyElementsOf(b.variables().keySet());
    assertThat(a.variables().keySet()).contains("layer0/log-omega", "layer2/potential/kernel",
        "layer6/a", "layer7/conditioner/layer1/kernel");
    a.variables().forEach((name, v) -> assertThat(v).as(name).containsExactly(b.variables().get(name)));
    for (int i = 0; i < a.outputs().size(); i++) {
      assertThat(a.outputs().get(i)).as("output %d", i).containsExactly(b.outputs().get(i));
    }
    // And the stack meets the layer contract itself.
    LayerContract.assertContract("yaml stack", fromYaml, LayerContract.measure(fromYaml, 3, 5, 0.3));
  }

  @Test
  void symplecticOnlyStackIsSymplectic() {
    FlowStack stack = FlowStack.of(bind("""
        model:
          layers:
            - repeat: 3
              layers: [{type: symplectic-shear-q}, {type: exchange}, {type: linear-symplectic}]
        """));
    assertThat(stack.layers()).hasSize(9);
    assertThat(stack.symplectic()).isTrue();
    LayerContract.Measurement m = LayerContract.measure(stack, 2, 9, 0.5);
    LayerContract.assertContract("symplectic stack", stack, m);
    System.out.println("[stack] 3 x [shear-q, exchange, linear-symplectic] n=2 " + m.summary());
  }

  @Test
  void everyProblemIsReportedWithItsPathAndLine() {
    String yaml = """
        model:
          layers:
            - {type: exchange}
            - type: symplectic-shear-p
              widht: 8
            - repeat: 0
              layers: [{type: exchang}]
            - repeat: 2
              layers:
                - {type: linear-symplectic}
                - {type: affine-coupling, mask: middle, depth: 0}
            - {repeat: 2, type: exchange, layers: [{type: exchange}]}
            - {repeat: 1, layers: []}
            - 3
        """;
    Binder binder = new Binder(SourceTree.parse("bad.yaml", yaml), FlowPlugins.registry());
    binder.bindList(Kind.LAYER, "model.layers");
    InvalidDescriptorException e =
        catchThrowableOfType(InvalidDescriptorException.class, binder::throwIfProblems);
    assertThat(e).isNotNull();
    System.out.println(e.getMessage());
    List<Problem> problems = e.problems();
    assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
        "model.layers[1].widht",
        "model.layers[2].repeat",
        "model.layers[2].layers[0].type",
        "model.layers[3].layers[1].mask",
        "model.layers[3].layers[1].depth",
        "model.layers[4].type",
        "model.layers[5].layers",
        "model.layers[6]");
    assertThat(problem(problems, "model.layers[1].widht"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(5))
        .satisfies(p -> assertThat(p.message()).contains("unknown field 'widht'", "width"));
    assertThat(problem(problems, "model.layers[2].repeat").line()).isEqualTo(6);
    assertThat(problem(problems, "model.layers[2].layers[0].type"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(7))
        .satisfies(p -> assertThat(p.message()).contains("unknown layer 'exchang'", "exchange"));
    assertThat(problem(problems, "model.layers[3].layers[1].mask"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(11))
        .satisfies(p -> assertThat(p.message()).contains("'middle'", "q, p, alternate"));
    assertThat(problem(problems, "model.layers[3].layers[1].depth").message()).contains("range");
    assertThat(problem(problems, "model.layers[4].type").message()).contains("not both");
    assertThat(problem(problems, "model.layers[5].layers").message()).contains("empty list");
    assertThat(problem(problems, "model.layers[6]").line()).isEqualTo(14);
  }

  @Test
  void missingListIsReported() {
    Binder binder = new Binder(SourceTree.parse("none.yaml", "model: {width: 3}\n"),
        FlowPlugins.registry());
    binder.bindList(Kind.LAYER, "model.layers");
    InvalidDescriptorException e =
        catchThrowableOfType(InvalidDescriptorException.class, binder::throwIfProblems);
    assertThat(e.problems()).extracting(Problem::path).containsExactly("model.layers");
    assertThat(e.getMessage()).contains("missing required field 'layers'");
  }

  private static Problem problem(List<Problem> problems, String path) {
    return problems.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
  }

  private record Evaluated(Map<String, double[]> variables, List<double[]> outputs) {}

  /** Builds a stack with seed 5 and evaluates forward, inverse and log-det on fixed inputs. */
  private static Evaluated evaluate(FlowStack stack) {
    int n = 3;
    double[][] states = new double[5][2 * n];
    SplittableRandom random = new SplittableRandom(4);
    for (double[] s : states) {
      for (int i = 0; i < s.length; i++) {
        s[i] = random.nextGaussian();
      }
    }
    try (TfGraph<TFloat64> g = TfGraph.create(TFloat64.class)) {
      RandomWeights<TFloat64> weights = new RandomWeights<>(g, 5, 0.3);
      BijectiveLayer.Built<TFloat64> built = stack.build(weights, n);
      Operand<TFloat64> x = g.placeholder();
      List<Operand<TFloat64>> fetches =
          List.of(built.forward(x), built.inverse(x), built.logDetJacobian(x));
      List<double[]> outputs = new ArrayList<>();
      try (Tensor in = Tensors.matrix(TFloat64.class, states)) {
        Session.Runner runner = g.session().runner().feed(x, in);
        fetches.forEach(runner::fetch);
        try (Result r = runner.run()) {
          for (int i = 0; i < fetches.size(); i++) {
            outputs.add(Tensors.flat(r.get(i)));
          }
        }
      }
      return new Evaluated(weights.values(), outputs);
    }
  }
}

package hamflow.it.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hamflow.api.flow.BijectiveLayer;
import hamflow.runtime.flow.FlowStack;
import hamflow.runtime.plugin.RegisteredFactory;
import hamflow.testkit.LayerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The combination matrix for layers: for every ordered pair (A, B) of registered layer types, a
 * 3-layer stack [A, B, C] with C and every layer's parameter variant drawn from a seeded
 * generator, checked for invertibility and the stack's log-det against autodiff, and, when all
 * three layers are symplectic, for {@code JᵀΩJ = Ω} and zero log-det. Layers added later (or a
 * third-party jar on the test class path) join the matrix without editing it.
 */
class LayerMatrixTest {
  private static int symplecticStacks;

  static Stream<Arguments> stacks() {
    List<RegisteredFactory> types = FlowPlugins.layers();
    SplittableRandom random = new SplittableRandom(2026);
    List<Arguments> stacks = new ArrayList<>();
    for (RegisteredFactory a : types) {
      for (RegisteredFactory b : types) {
        RegisteredFactory c = types.get(random.nextInt(types.size()));
        List<String> spec = new ArrayList<>();
        for (RegisteredFactory f : List.of(a, b, c)) {
          List<String> variants = FlowPlugins.variants(f);
          String fields = variants.get(random.nextInt(variants.size()));
          if (f.type().equals("continuous-flow")) {
            // One integration step: the matrix checks composition, and a 4-step flow costs
            // ~30 s per stack; the layer's own contract covers its default depth.
            fields = fields.isEmpty() ? "steps: 1" : fields + ", steps: 1";
          }
          spec.add(f.type() + "|" + fields);
        }
        stacks.add(Arguments.of(spec, random.nextLong(1000)));
      }
    }
    return stacks.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void randomStackIsInvertibleAndSymplecticWhenItsLayersAre(List<String> spec, long seed) {
    List<BijectiveLayer> layers = new ArrayList<>();
    for (String s : spec) {
      String[] parts = s.split("\\|", -1);
      layers.add(FlowPlugins.layer(parts[0], parts[1]));
    }
    FlowStack stack = FlowStack.of(layers);
    assertThat(stack.symplectic()).isEqualTo(layers.stream().allMatch(BijectiveLayer::symplectic));
    LayerContract.Measurement m = LayerContract.measure(stack, 2, seed, 0.5);
    System.out.printf("[matrix] %-90s %s%n", spec, m.summary());
    LayerContract.assertContract(spec.toString(), stack, m);
    if (stack.symplectic()) {
      symplecticStacks++;
    }
  }

  /** Not vacuous: a good share of the drawn stacks are entirely symplectic. */
  @AfterAll
  static void someStacksWereSymplectic() {
    assertThat(symplecticStacks).as("all-symplectic stacks checked").isGreaterThanOrEqualTo(10);
  }
}

package hamflow.runtime.flow;

import hamflow.api.flow.BijectiveLayer;
import hamflow.api.model.ModelContext;
import hamflow.runtime.descriptor.Binder;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A chain of bijective layers, itself a layer (TensorFlow Probability's {@code Chain}):
 * {@code forward} applies the layers in order, {@code inverse} their inverses in reverse order,
 * and the log-determinant is the sum of the layers' log-determinants, each at its own input. It
 * is symplectic when every layer is.
 *
 * <p>Layer {@code i} (counting from 0 in the expanded list) gets its variables under the prefix
 * {@code layer<i>/}, so two layers of one type never share a name and checkpoints name every
 * variable by its place in the stack.
 */
public final class FlowStack implements BijectiveLayer {
  private final List<BijectiveLayer> layers;

  private FlowStack(List<BijectiveLayer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a flow stack needs at least one layer");
    }
    this.layers = List.copyOf(layers);
  }

  /** The stack of {@code layers}, applied first to last by {@code forward}. */
  public static FlowStack of(List<? extends BijectiveLayer> layers) {
    return new FlowStack(new ArrayList<>(layers));
  }

  /** The stack of {@code layers}, applied first to last by {@code forward}. */
  public static FlowStack of(BijectiveLayer... layers) {
    return of(List.of(layers));
  }

  /**
   * The stack a bound {@code layers:} list describes, {@code repeat:} blocks expanded: each
   * repetition creates its own layer (own variables, no weight sharing).
   */
  public static FlowStack of(Binder.BoundList list) {
    List<BijectiveLayer> layers = new ArrayList<>();
    for (Binder.ListSection section : list.expanded()) {
      layers.add(section.plugin().create(BijectiveLayer.class));
    }
    return new FlowStack(layers);
  }

  /** The prefix of the variable names of the layer at {@code index} (0-based, as applied). */
  public static String layerPrefix(int index) {
    return "layer" + index + "/";
  }

  /** The layers, first applied first. */
  public List<BijectiveLayer> layers() {
    return layers;
  }

  @Override
  public boolean symplectic() {
    return layers.stream().allMatch(BijectiveLayer::symplectic);
  }

  @Override
  public <T extends TFloating> Built<T> build(ModelContext<T> g, int degreesOfFreedom) {
    List<Built<T>> built = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      built.add(layers.get(i).build(new PrefixedContext<>(g, layerPrefix(i)), degreesOfFreedom));
    }
    Ops tf = g.tf();
    return new Built<>() {
      @Override
      public Operand<T> forward(Operand<T> x) {
        Operand<T> y = x;
        for (Built<T> layer : built) {
          y = layer.forward(y);
        }
        return y;
      }

      @Override
      public Operand<T> inverse(Operand<T> z) {
        Operand<T> y = z;
        for (int i = built.size() - 1; i >= 0; i--) {
          y = built.get(i).inverse(y);
        }
        return y;
      }

      @Override
      public Operand<T> logDetJacobian(Operand<T> x) {
        Operand<T> y = x;
        Operand<T> sum = null;
        for (Built<T> layer : built) {
          Operand<T> term = layer.logDetJacobian(y);
          sum = sum == null ? term : tf.math.add(sum, term);
          y = layer.forward(y);
        }
        return sum;
      }
    };
  }
}

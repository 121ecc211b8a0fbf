package hamflow.api;

/**
 * A named recipe for one plugin type, the shape shared by every kind (systems, integrators and
 * the kinds to come).
 *
 * <p>The runtime binds the descriptor section that names {@link #type()} to an instance of
 * {@link #parameters()}, a public record in an exported package whose components carry
 * {@link Param} annotations (description, default, range). Binding is strict: unknown fields,
 * wrong value types, missing required values and out-of-range values are reported to the user
 * with their place in the file before {@link #create} is ever called. The record's compact
 * constructor may add checks that span several components by throwing
 * {@link IllegalArgumentException} with a message that names the parameter.
 *
 * @param <P> the parameter record
 * @param <T> what the factory creates
 */
public interface Factory<P extends Record, T> {

  /** The name used after {@code type:} in a descriptor: lower case words joined by hyphens. */
  String type();

  /** One line for {@code hamflow plugins}. */
  String description();

  /** The parameter record bound from the descriptor. */
  Class<P> parameters();

  /**
   * Creates the instance from validated parameters. Must not open TensorFlow sessions or build
   * ops: graph work happens later, through the runtime's {@link hamflow.api.tf.GraphContext}.
   */
  T create(P parameters);
}

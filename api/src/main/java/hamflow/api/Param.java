package hamflow.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a factory's parameter record: what it means, its default and the
 * range a numeric value must lie in. The runtime reads it to bind descriptors, to report bad
 * values with the valid range, and to print {@code hamflow describe TYPE}.
 *
 * <p>In a descriptor a component is written under its own name (e.g. {@code mass}); the
 * annotation cannot rename it. A component without a default is required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

  /** Marks a parameter without a default: the descriptor must give it. */
  String REQUIRED = "\u0000required";

  /** What the parameter means, with its unit where it has one. */
  String value();

  /**
   * The default of an optional section or object-typed component: leaving it out (or writing
   * {@code null}) binds {@code null}.
   */
  String NONE = "null";

  /** The default as it would be written in YAML ({@code "1.0"}, {@code "[0.1, 1.0]"}). */
  String defaultValue() default REQUIRED;

  /** Smallest allowed value of a number (or of each element of a list of numbers). */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value of a number (or of each element of a list of numbers). */
  double max() default Double.POSITIVE_INFINITY;

  /** Whether {@link #min()} itself is excluded. */
  boolean minExclusive() default false;

  /** Whether {@link #max()} itself is excluded. */
  boolean maxExclusive() default false;
}

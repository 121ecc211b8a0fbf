package hamflow.runtime.descriptor;

import hamflow.runtime.plugin.Kind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link BoundPlugin} component of a job descriptor record: a section with a
 * {@code type:} resolved through the plugin registry among factories of {@link #value()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Slot {
  Kind value();
}

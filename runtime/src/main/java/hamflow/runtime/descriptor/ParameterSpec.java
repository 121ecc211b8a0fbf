package hamflow.runtime.descriptor;

import hamflow.api.Param;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One component of a parameter record as a descriptor sees it: its kebab-case name, value type,
 * description, default and range. Read from the record and its {@link Param} annotations, the one
 * source for binding, error messages and {@code hamflow describe}.
 */
public record ParameterSpec(RecordComponent component, String name, Optional<Param> param) {

  /** The specs of every component of {@code type}, in declaration order. */
  public static List<ParameterSpec> of(Class<? extends Record> type) {
    List<ParameterSpec> specs = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      specs.add(new ParameterSpec(c, kebab(c.getName()), Optional.ofNullable(c.getAnnotation(Param.class))));
    }
    return specs;
  }

  /** {@code springConstant} → {@code spring-constant}. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  public Class<?> type() {
    return component.getType();
  }

  public Optional<Slot> slot() {
    return Optional.ofNullable(component.getAnnotation(Slot.class));
  }

  public boolean required() {
    return param.map(p -> p.defaultValue().equals(Param.REQUIRED)).orElse(true);
  }

  /**
   * Whether the field may be left out (or written {@code null}) to mean "none": a non-primitive
   * component whose default is {@code "null"}. The record then receives {@code null}.
   */
  public boolean optional() {
    return !type().isPrimitive() && defaultValue().map("null"::equals).orElse(false);
  }

  public Optional<String> defaultValue() {
    return required() ? Optional.empty() : param.map(Param::defaultValue);
  }

  public String description() {
    return param.map(Param::value).orElse("");
  }

  /** The element type of a {@code List<X>} component. */
  Class<?> elementType() {
    Type generic = component.getGenericType();
    if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /** "number", "integer", "list of numbers", "one of: float32, float64"… */
  public String typeName() {
    Class<?> t = type();
    if (slot().isPresent() && t == Binder.BoundList.class) {
      return "list of " + slot().get().value().label() + " sections (and repeat: blocks)";
    }
    if (slot().isPresent()) {
      return slot().get().value().label() + " section (with 'type:')";
    }
    if (t.isRecord()) {
      return "section";
    }
    if (t == List.class) {
      return "list of " + plural(elementType());
    }
    return singular(t);
  }

  private static String singular(Class<?> t) {
    if (t == double.class || t == Double.class || t == float.class) {
      return "number";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "integer";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "boolean";
    }
    if (t == String.class) {
      return "string";
    }
    if (t.isEnum()) {
      return "one of: " + String.join(", ", enumNames(t));
    }
    return t.getSimpleName();
  }

  private static String plural(Class<?> t) {
    String s = singular(t);
    return s.startsWith("one of") ? "values " + s : s + "s";
  }

  static List<String> enumNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList();
  }

  /** The allowed range as text ("> 0", "in [0, 1]"), empty when unbounded. */
  public String rangeText() {
    if (param.isEmpty()) {
      return "";
    }
    Param p = param.get();
    boolean hasMin = p.min() != Double.NEGATIVE_INFINITY;
    boolean hasMax = p.max() != Double.POSITIVE_INFINITY;
    if (hasMin && hasMax) {
      return "in " + (p.minExclusive() ? "(" : "[") + number(p.min()) + ", " + number(p.max())
          + (p.maxExclusive() ? ")" : "]");
    }
    if (hasMin) {
      return (p.minExclusive() ? "> " : ">= ") + number(p.min());
    }
    if (hasMax) {
      return (p.maxExclusive() ? "< " : "<= ") + number(p.max());
    }
    return "";
  }

  boolean inRange(double v) {
    if (param.isEmpty()) {
      return true;
    }
    Param p = param.get();
    boolean aboveMin = p.minExclusive() ? v > p.min() : v >= p.min();
    boolean belowMax = p.maxExclusive() ? v < p.max() : v <= p.max();
    return aboveMin && belowMax && !Double.isNaN(v);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}

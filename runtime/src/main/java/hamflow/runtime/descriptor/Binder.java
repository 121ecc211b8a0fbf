package hamflow.runtime.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hamflow.runtime.plugin.Kind;
import hamflow.runtime.plugin.PluginRegistry;
import hamflow.runtime.plugin.RegisteredFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a descriptor tree to records, strictly, collecting every problem instead of stopping at
 * the first. Each record component is a field named in kebab case; a component annotated
 * {@link Slot} is a section whose {@code type:} the {@link PluginRegistry} resolves to a factory,
 * whose own parameter record is then bound from the rest of the section. Types come only from
 * the records and the registry, never from the file.
 *
 * <p>Alongside the records the binder builds the resolved tree (defaults filled in), which a run
 * folder keeps as its descriptor.
 */
public final class Binder {
  private static final ObjectMapper DEFAULTS = new YAMLMapper();

  private final SourceTree source;
  private final PluginRegistry registry;
  private final List<Problem> problems = new ArrayList<>();

  public Binder(SourceTree source, PluginRegistry registry) {
    this.source = source;
    this.registry = registry;
  }

  /** The result of binding: the record and the resolved tree. */
  public record Bound<R>(R value, ObjectNode resolved) {}

  /**
   * Binds the whole file to {@code type}.
   *
   * @throws InvalidDescriptorException listing every problem, if there is any
   */
  public <R extends Record> Bound<R> bindRoot(Class<R> type) {
    ObjectNode resolved = JsonNodeFactory.instance.objectNode();
    R value = bindRecord(type, source.root(), "", resolved, false);
    throwIfProblems();
    return new Bound<>(value, resolved);
  }

  /** One element of a bound list of plugin sections ({@link #bindList}). */
  public sealed interface ListElement permits ListSection, ListRepeat {}

  /** A section {@code {type: ..., ...}} at {@code path}, resolved and bound. */
  public record ListSection(String path, BoundPlugin plugin) implements ListElement {}

  /** A block {@code {repeat: N, <field>: [...]}} at {@code path}: its elements, N times in a row. */
  public record ListRepeat(String path, int times, List<ListElement> body) implements ListElement {}

  /** A bound list of plugin sections with its resolved tree (defaults filled in). */
  public record BoundList(List<ListElement> elements, ArrayNode resolved) {
    /** The sections in order, blocks expanded: a section repeated N times appears N times. */
    public List<ListSection> expanded() {
      List<ListSection> out = new ArrayList<>();
      expand(elements, out);
      return List.copyOf(out);
    }

    private static void expand(List<ListElement> elements, List<ListSection> out) {
      for (ListElement e : elements) {
        if (e instanceof ListSection s) {
          out.add(s);
        } else if (e instanceof ListRepeat r) {
          for (int i = 0; i < r.times(); i++) {
            expand(r.body(), out);
          }
        }
      }
    }
  }

  /**
   * Binds the list at {@code path} (dotted, as in messages: {@code model.layers}; empty for a
   * file that is the list itself) whose elements are sections of {@code kind}, each
   * {@code {type: ..., <parameters>}}, or blocks {@code {repeat: N, <field>: [...]}} (nested
   * freely), where {@code <field>} is the list's own name ({@code layers}). Problems are
   * reported with their path ({@code model.layers[1].layers[0].width}) and line and collected
   * with the others; call {@link #throwIfProblems()} when every part of the file is bound.
   * Elements with problems are left out of the result.
   */
  public BoundList bindList(Kind kind, String path) {
    ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
    JsonNode node = at(path);
    if (node == null) {
      report(path, "missing required field '" + lastName(path) + "' (a list of " + kind.label()
          + " sections)");
      return new BoundList(List.of(), resolved);
    }
    return new BoundList(bindListNode(kind, node, path, lastName(path), resolved), resolved);
  }

  private List<ListElement> bindListNode(
      Kind kind, JsonNode node, String path, String field, ArrayNode resolved) {
    List<ListElement> elements = new ArrayList<>();
    if (!node.isArray() || node.isEmpty()) {
      report(path, "expected a non-empty list of " + kind.label() + " sections (each with 'type:', "
          + "or a block with 'repeat:' and '" + field + ":'), got "
          + (node.isArray() ? "an empty list" : show(node)));
      return elements;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      String at = path + "[" + i + "]";
      if (element.isObject() && element.has("repeat")) {
        ListRepeat block = bindRepeat(kind, element, at, field, resolved.addObject());
        if (block != null) {
          elements.add(block);
        }
        continue;
      }
      Record bound = bindSlot(kind, element, at, resolved.addObject());
      if (bound instanceof BoundPlugin plugin) {
        elements.add(new ListSection(at, plugin));
      }
    }
    return elements;
  }

  private ListRepeat bindRepeat(
      Kind kind, JsonNode node, String at, String field, ObjectNode resolved) {
    boolean ok = true;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.equals("type")) {
        report(join(at, name), "a section is either a " + kind.label() + " (with 'type:') or a "
            + "block (with 'repeat:' and '" + field + ":'), not both");
        ok = false;
      } else if (!name.equals("repeat") && !name.equals(field)) {
        report(join(at, name), "unknown field '" + name + "' in a repeat block; valid fields: "
            + "repeat, " + field);
        ok = false;
      }
    }
    JsonNode times = node.get("repeat");
    int n = 0;
    if (!times.isIntegralNumber() || !times.canConvertToInt() || times.intValue() < 1) {
      report(join(at, "repeat"), "expected a positive integer (how many times the block's "
          + field + " follow one another), got " + show(times));
      ok = false;
    } else {
      n = times.intValue();
      resolved.put("repeat", n);
    }
    JsonNode body = node.get(field);
    List<ListElement> elements = List.of();
    if (body == null) {
      report(join(at, field), "missing required field '" + field + "' (the " + kind.label()
          + " sections to repeat)");
      ok = false;
    } else {
      int before = problems.size();
      elements = bindListNode(kind, body, join(at, field), field, resolved.putArray(field));
      ok &= problems.size() == before;
    }
    return ok ? new ListRepeat(at, n, List.copyOf(elements)) : null;
  }

  /** The node at a dotted path such as {@code model.layers} or {@code stack[2].layers}. */
  private JsonNode at(String path) {
    JsonNode node = source.root();
    if (path.isEmpty()) {
      return node;
    }
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      node = name.isEmpty() ? node : node.get(name);
      for (int b = bracket; node != null && b >= 0; b = part.indexOf('[', b + 1)) {
        int index = Integer.parseInt(part.substring(b + 1, part.indexOf(']', b)));
        node = node.get(index);
      }
      if (node == null) {
        return null;
      }
    }
    return node.isMissingNode() ? null : node;
  }

  private static String lastName(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    int bracket = last.indexOf('[');
    last = bracket < 0 ? last : last.substring(0, bracket);
    return last.isEmpty() ? "layers" : last;
  }

  /** Records a problem found after binding (e.g. an incompatible pair of plugins). */
  public void report(String path, String message) {
    problems.add(new Problem(path, source.lineOf(path), message));
  }

  /** Throws if any problem was reported. */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new InvalidDescriptorException(source.file(), problems);
    }
  }

  /** {@code inSlot}: the section also holds the {@code type:} that chose {@code type}. */
  private <R extends Record> R bindRecord(
      Class<R> type, JsonNode node, String path, ObjectNode resolved, boolean inSlot) {
    if (!node.isObject()) {
      report(path, "expected a section of fields, got " + show(node));
      return null;
    }
    List<ParameterSpec> specs = ParameterSpec.of(type);
    List<String> names = specs.stream().map(ParameterSpec::name).toList();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!names.contains(field) && !(inSlot && field.equals("type"))) {
        report(join(path, field), "unknown field '" + field + "'; valid fields: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
    }
    Object[] args = new Object[specs.size()];
    boolean complete = true;
    for (int i = 0; i < specs.size(); i++) {
      ParameterSpec spec = specs.get(i);
      String at = join(path, spec.name());
      JsonNode value = node.get(spec.name());
      if ((value == null || value.isNull()) && spec.optional()) {
        resolved.putNull(spec.name());
        continue; // args[i] stays null: the section is absent
      }
      if (value == null) {
        Optional<String> dflt = spec.defaultValue();
        if (dflt.isEmpty()) {
          report(at, "missing required field '" + spec.name() + "' (" + spec.typeName()
              + (spec.description().isEmpty() ? "" : ": " + spec.description()) + ")");
          complete = false;
          continue;
        }
        value = parseDefault(dflt.get(), type, spec);
      }
      Object bound = bindValue(spec, value, at, resolved);
      if (bound == null) {
        complete = false;
      }
      args[i] = bound;
    }
    if (!complete) {
      return null;
    }
    return construct(type, specs, args, path);
  }

  private Object bindValue(ParameterSpec spec, JsonNode value, String at, ObjectNode resolved) {
    Class<?> t = spec.type();
    String key = spec.name();
    if (spec.slot().isPresent() && t == BoundList.class) {
      // A list of sections ({@code layers:}) with repeat blocks, as bindList binds it.
      int before = problems.size();
      Kind kind = spec.slot().get().value();
      List<ListElement> elements = bindListNode(kind, value, at, key, resolved.putArray(key));
      return problems.size() == before
          ? new BoundList(List.copyOf(elements), (ArrayNode) resolved.get(key)) : null;
    }
    if (spec.slot().isPresent()) {
      ObjectNode child = resolved.putObject(key);
      return bindSlot(spec.slot().get().value(), value, at, child);
    }
    if (t.isRecord()) {
      ObjectNode child = resolved.putObject(key);
      @SuppressWarnings("unchecked")
      Class<? extends Record> rt = (Class<? extends Record>) t;
      return bindRecord(rt, value, at, child, false);
    }
    Object scalar;
    if (t == List.class) {
      if (!value.isArray()) {
        report(at, "expected a " + spec.typeName() + ", got " + show(value));
        return null;
      }
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        Object element = scalar(spec, spec.elementType(), value.get(i), at + "[" + i + "]");
        if (element == null) {
          return null;
        }
        list.add(element);
      }
      scalar = List.copyOf(list);
    } else {
      scalar = scalar(spec, t, value, at);
      if (scalar == null) {
        return null;
      }
    }
    resolved.set(key, value);
    return scalar;
  }

  private Object scalar(ParameterSpec spec, Class<?> t, JsonNode value, String at) {
    Object result = null;
    String expected = null;
    if (t == double.class || t == Double.class) {
      expected = "a number";
      result = value.isNumber() ? Double.valueOf(value.doubleValue()) : null;
    } else if (t == int.class || t == Integer.class) {
      expected = "an integer";
      result = value.isIntegralNumber() && value.canConvertToInt() ? Integer.valueOf(value.intValue()) : null;
    } else if (t == long.class || t == Long.class) {
      expected = "an integer";
      result = value.isIntegralNumber() && value.canConvertToLong() ? Long.valueOf(value.longValue()) : null;
    } else if (t == boolean.class || t == Boolean.class) {
      expected = "true or false";
      result = value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : null;
    } else if (t == String.class) {
      expected = "a string";
      result = value.isTextual() ? value.textValue() : null;
    } else if (t.isEnum()) {
      List<String> choices = ParameterSpec.enumNames(t);
      if (value.isTextual() && choices.contains(value.textValue())) {
        return t.getEnumConstants()[choices.indexOf(value.textValue())];
      }
      report(at, "unknown value " + show(value) + "; valid choices: " + String.join(", ", choices));
      return null;
    } else {
      report(at, "cannot bind a value of type " + t.getSimpleName());
      return null;
    }
    if (result == null) {
      report(at, "expected " + expected + ", got " + show(value));
      return null;
    }
    if (result instanceof Number n && !spec.inRange(n.doubleValue())) {
      report(at, show(value) + " is out of range; must be " + spec.rangeText());
      return null;
    }
    return result;
  }

  private Record bindSlot(Kind kind, JsonNode node, String at, ObjectNode resolved) {
    List<RegisteredFactory> factories = registry.all(kind);
    String choices = factories.stream().map(RegisteredFactory::type).collect(Collectors.joining(", "));
    if (!node.isObject()) {
      report(at, "expected a " + kind.label() + " section with 'type:', got " + show(node)
          + "; valid types: " + choices);
      return null;
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      report(join(at, "type"), (type == null ? "missing 'type'" : "expected a type name, got " + show(type))
          + "; valid " + kind.label() + " types: " + choices);
      return null;
    }
    Optional<RegisteredFactory> factory = registry.find(kind, type.textValue());
    if (factory.isEmpty()) {
      report(join(at, "type"), "unknown " + kind.label() + " '" + type.textValue()
          + "'; valid choices: " + choices);
      return null;
    }
    resolved.put("type", type.textValue());
    @SuppressWarnings("unchecked")
    Class<? extends Record> params = (Class<? extends Record>) factory.get().factory().parameters();
    Record bound = bindRecord(params, node, at, resolved, true);
    return bound == null ? null : new BoundPlugin(factory.get(), bound);
  }

  /**
   * Creates a plugin of {@code factory} with every parameter at its default, or empty when it
   * has a required parameter (used to list alternatives in messages).
   */
  public static <T> Optional<T> createWithDefaults(RegisteredFactory factory, Class<T> type) {
    return create(factory, "", type);
  }

  /**
   * Creates a plugin of {@code factory} from the fields in {@code fields} (YAML flow text such
   * as {@code "width: 512"}, may be empty), the rest at their defaults; empty when they do not
   * bind. For programmatic use (benchmarks, messages), not for user files.
   */
  public static <T> Optional<T> create(RegisteredFactory factory, String fields, Class<T> type) {
    SourceTree section = SourceTree.parse("(" + factory.type() + ")",
        "{type: " + factory.type() + (fields.isEmpty() ? "" : ", " + fields) + "}");
    Binder binder = new Binder(section, null);
    @SuppressWarnings("unchecked")
    Class<? extends Record> params = (Class<? extends Record>) factory.factory().parameters();
    Record bound = binder.bindRecord(params, section.root(), "", JsonNodeFactory.instance.objectNode(), true);
    if (bound == null) {
      return Optional.empty();
    }
    return Optional.of(new BoundPlugin(factory, bound).create(type));
  }

  private JsonNode parseDefault(String text, Class<?> owner, ParameterSpec spec) {
    try {
      return DEFAULTS.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(
          "bad default '" + text + "' for " + owner.getName() + "." + spec.component().getName(), e);
    }
  }

  private <R extends Record> R construct(
      Class<R> type, List<ParameterSpec> specs, Object[] args, String path) {
    Class<?>[] types = specs.stream().map(ParameterSpec::type).toArray(Class<?>[]::new);
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        report(path, cause.getMessage());
        return null;
      }
      throw new IllegalStateException("constructing " + type.getName() + " failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "parameter record " + type.getName() + " cannot be constructed (is it public, in an exported package?)", e);
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String show(JsonNode node) {
    if (node.isNull()) {
      return "nothing (null)";
    }
    if (node.isTextual()) {
      return "'" + node.textValue() + "' (a string)";
    }
    if (node.isObject()) {
      return "a section";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString().toLowerCase(Locale.ROOT);
  }
}

package hamflow.runtime.descriptor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A descriptor file read by Jackson into a tree, with the line of every field so problems can
 * point into the file. YAML ({@code .yaml}, {@code .yml}) and JSON ({@code .json}) are read;
 * duplicate keys are an error. No type information is ever read from the file.
 */
public final class SourceTree {
  private final String file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private SourceTree(String file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /** Reads {@code path}; a file that cannot be read or parsed is an {@link InvalidDescriptorException}. */
  public static SourceTree read(Path path) {
    String file = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new InvalidDescriptorException(
          file, List.of(new Problem("", 0, "cannot read the file: " + e)));
    }
    return parse(file, text);
  }

  /** Parses {@code text}, YAML unless {@code file} ends in {@code .json}. */
  public static SourceTree parse(String file, String text) {
    JsonFactory factory =
        (file.endsWith(".json") ? JsonFactory.builder() : YAMLFactory.builder())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new InvalidDescriptorException(file, List.of(new Problem("", 0, "the file is empty")));
      }
      return new SourceTree(file, root, lineIndex(factory, text));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      throw new InvalidDescriptorException(
          file, List.of(new Problem("", Math.max(line, 0), "not valid syntax: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InvalidDescriptorException(file, List.of(new Problem("", 0, e.toString())));
    }
  }

  private static Map<String, Integer> lineIndex(JsonFactory factory, String text)
      throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        JsonStreamContext ctx = parser.getParsingContext();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          ctx = ctx.getParent(); // the new container's own context has no name yet
        }
        if (ctx == null || ctx.inRoot()) {
          continue;
        }
        if (token == JsonToken.FIELD_NAME || ctx.inArray()) {
          lines.putIfAbsent(pathOf(ctx), parser.currentTokenLocation().getLineNr());
        }
      }
    }
    return lines;
  }

  private static String pathOf(JsonStreamContext ctx) {
    if (ctx == null || ctx.inRoot()) {
      return "";
    }
    String parent = pathOf(ctx.getParent());
    if (ctx.inArray()) {
      return parent + "[" + ctx.getCurrentIndex() + "]";
    }
    return parent.isEmpty() ? ctx.getCurrentName() : parent + "." + ctx.getCurrentName();
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The line of {@code path}, or of its nearest enclosing field; 0 when unknown. */
  public int lineOf(String path) {
    for (String p = path; !p.isEmpty(); p = parentOf(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  private static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}

package hamflow.runtime.descriptor;

/**
 * One thing wrong with a descriptor: where (the dotted path such as {@code integrator.dt} or
 * {@code model.layers[3].hidden}, and its line, 0 when unknown) and what, with the valid choices
 * or range where there are some.
 */
public record Problem(String path, int line, String message) {
  @Override
  public String toString() {
    String where = path.isEmpty() ? "(top level)" : path;
    return (line > 0 ? "line " + line + ", " : "") + where + ": " + message;
  }
}

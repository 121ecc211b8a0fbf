package hamflow.runtime.plugin;

/** Two plugins claim one type name; the message names both sources. */
public final class PluginConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginConflictException(String message) {
    super(message);
  }
}

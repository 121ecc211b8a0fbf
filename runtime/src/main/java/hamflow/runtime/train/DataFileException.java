package hamflow.runtime.train;

import java.nio.file.Path;

/** A user's data file cannot be used; the message names the file and what is wrong. */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataFileException(Path file, String problem) {
    super(file + ": " + problem);
  }
}

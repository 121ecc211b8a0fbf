package hamflow.runtime.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder a run writes. Files go to a hidden staging folder beside the target, renamed into
 * place only when the run succeeds, so a failed run never leaves a half-written result and never
 * touches an earlier one.
 */
public final class RunFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path target;
  private final Path staging;

  private RunFolder(Path target) throws IOException {
    this.target = target;
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
  }

  /**
   * {@code out} when given (it must not exist yet, or be an empty folder), otherwise
   * {@code runs/<name>-<timestamp>} under {@code runsRoot}.
   */
  public static RunFolder create(Path out, Path runsRoot, String name) throws IOException {
    Path target;
    if (out != null) {
      if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
        throw new OutputExistsException(out);
      }
      target = out;
    } else {
      String base = name + "-" + LocalDateTime.now().format(STAMP);
      target = runsRoot.resolve(base);
      for (int i = 2; Files.exists(target); i++) {
        target = runsRoot.resolve(base + "-" + i);
      }
    }
    return new RunFolder(target);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Where to write {@code fileName} while the run is in progress. */
  public Path file(String fileName) {
    return staging.resolve(fileName);
  }

  /** The final location, valid after {@link #commit()}. */
  public Path target() {
    return target;
  }

  /** Moves the finished run into place. */
  public Path commit() {
    try {
      if (Files.isDirectory(target)) {
        Files.delete(target); // an empty folder named by --out
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the run into " + target, e);
    }
  }

  /** Removes the staging folder of a failed run. */
  public void discard() {
    try (var files = Files.walk(staging)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover hidden staging folder is harmless
    }
  }

  /** The output folder given with --out already holds something. */
  public static final class OutputExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputExistsException(Path out) {
      super("output folder " + out + " already exists and is not empty; choose another with --out"
          + " (earlier results are never overwritten)");
    }
  }
}

package hamflow.runtime.train;

import hamflow.runtime.report.NpzReader;
import hamflow.runtime.report.NpzWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints of a run folder: {@code checkpoints/<role>-step-<N>.npz} holding every variable
 * (model weights and Adam's slots, by name) and the loss history so far under {@code _history}.
 * Written to a temporary name and moved into place, so a run killed mid-write leaves the
 * previous checkpoint intact.
 */
public final class Checkpoints {
  private static final String HISTORY = "_history";

  /** A saved state. */
  public record Saved(int step, Map<String, double[]> state, LossHistory history) {}

  private final Path dir;
  private final Map<String, long[]> shapes;

  public Checkpoints(Path runFolder, Map<String, long[]> shapes) {
    this.dir = runFolder.resolve("checkpoints");
    this.shapes = shapes;
  }

  public void save(String role, int step, Map<String, double[]> state, LossHistory history) {
    try {
      Files.createDirectories(dir);
      NpzWriter w = new NpzWriter();
      state.forEach((name, values) -> w.add(name, intShape(shapes.get(name), values.length), values));
      List<double[]> rows = history.rows();
      double[] flat = new double[rows.size() * 3];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, flat, 3 * i, 3);
      }
      w.add(HISTORY, new int[] {rows.size(), 3}, flat);
      Path tmp = dir.resolve("." + role + "-step-" + step + ".npz.tmp");
      w.write(tmp);
      Files.move(tmp, dir.resolve(role + "-step-" + step + ".npz"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint to " + dir, e);
    }
  }

  /** The checkpoint of {@code role} with the highest step, if any. */
  public static Optional<Saved> latest(Path runFolder, String role) throws IOException {
    Path dir = runFolder.resolve("checkpoints");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Pattern p = Pattern.compile(Pattern.quote(role) + "-step-(\\d+)\\.npz");
    Path best = null;
    int bestStep = -1;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (m.matches() && Integer.parseInt(m.group(1)) > bestStep) {
          bestStep = Integer.parseInt(m.group(1));
          best = f;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Map<String, NpzReader.Array> arrays = NpzReader.read(best);
    Map<String, double[]> state = new LinkedHashMap<>();
    List<double[]> rows = new ArrayList<>();
    arrays.forEach((k, a) -> {
      if (k.equals(HISTORY)) {
        for (int i = 0; i + 2 < a.values().length; i += 3) {
          rows.add(new double[] {a.values()[i], a.values()[i + 1], a.values()[i + 2]});
        }
      } else {
        state.put(k, a.values());
      }
    });
    return Optional.of(new Saved(bestStep, state, LossHistory.of(rows)));
  }

  private static int[] intShape(long[] shape, int size) {
    if (shape == null) {
      return new int[] {size};
    }
    int[] s = new int[shape.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.toIntExact(shape[i]);
    }
    return s;
  }
}

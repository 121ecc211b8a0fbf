package hamflow.runtime.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes float64 arrays as a NumPy {@code .npz} archive (a zip of {@code .npy} files, format
 * version 1.0), readable with {@code numpy.load}. No Java library for the format is maintained;
 * the format is small and fully specified by NumPy's {@code format.py}.
 */
public final class NpzWriter {
  private final Map<String, double[]> data = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();

  /** Adds an array named {@code key} of {@code shape} holding {@code flat} in C order. */
  public NpzWriter add(String key, int[] shape, double[] flat) {
    long size = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
    if (size != flat.length) {
      throw new IllegalArgumentException(
          key + ": shape " + Arrays.toString(shape) + " needs " + size + " values, got " + flat.length);
    }
    data.put(key, flat);
    shapes.put(key, shape.clone());
    return this;
  }

  public void write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, double[]> e : data.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(npy(shapes.get(e.getKey()), e.getValue()));
        zip.closeEntry();
      }
    }
  }

  static byte[] npy(int[] shape, double[] values) {
    String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    if (shape.length == 1) {
      dims += ",";
    }
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
    int unpadded = 10 + header.length() + 1; // magic(6) version(2) length(2) header newline
    int padding = (64 - unpadded % 64) % 64;
    header = header + " ".repeat(padding) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.allocate(10 + headerBytes.length + 8 * values.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    buffer.put((byte) 1).put((byte) 0).putShort((short) headerBytes.length).put(headerBytes);
    for (double v : values) {
      buffer.putDouble(v);
    }
    return buffer.array();
  }
}

package hamflow.runtime.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads numpy {@code .npz} archives (as {@code numpy.savez} or {@code savez_compressed} write
 * them) into float64 arrays. Supports little-endian float64, float32, int64 and int32 arrays in C
 * order; anything else is refused with a message naming the key and the dtype, so a user's file
 * never loads half-understood.
 */
public final class NpzReader {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** One array: its shape and its values, row-major, as float64. */
  public record Array(long[] shape, double[] values) {
    /** Rows of a 2-D array. */
    public double[][] rows() {
      if (shape.length != 2) {
        throw new IllegalStateException("not a 2-D array");
      }
      int r = (int) shape[0];
      int c = (int) shape[1];
      double[][] out = new double[r][c];
      for (int i = 0; i < r; i++) {
        System.arraycopy(values, i * c, out[i], 0, c);
      }
      return out;
    }
  }

  private NpzReader() {}

  /** Every array in {@code file}, by key (the entry name without {@code .npy}). */
  public static Map<String, Array> read(Path file) throws IOException {
    Map<String, Array> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          continue;
        }
        String key = name.substring(0, name.length() - 4);
        out.put(key, parse(key, readAll(zip)));
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException("not an .npz (zip) archive: " + e.getMessage(), e);
    }
    return out;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toByteArray();
  }

  static Array parse(String key, byte[] bytes) throws IOException {
    if (bytes.length < 10 || bytes[0] != (byte) 0x93
        || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new IOException("array '" + key + "' is not in .npy format");
    }
    int major = bytes[6];
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength;
    int offset;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(b.getShort(8));
      offset = 10;
    } else {
      headerLength = b.getInt(8);
      offset = 12;
    }
    String header = new String(bytes, offset, headerLength, StandardCharsets.ISO_8859_1);
    String descr = find(DESCR, header, key, "descr");
    if (find(FORTRAN, header, key, "fortran_order").equals("True")) {
      throw new IOException("array '" + key + "' is in Fortran order; save it with "
          + "numpy.ascontiguousarray first");
    }
    String[] dims = find(SHAPE, header, key, "shape").split(",");
    long[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty())
        .mapToLong(Long::parseLong).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    int width = switch (descr) {
      case "<f8", "<i8" -> 8;
      case "<f4", "<i4" -> 4;
      default -> throw new IOException("array '" + key + "' has dtype '" + descr
          + "'; supported: float64, float32, int64, int32 (little-endian)");
    };
    int start = offset + headerLength;
    if (bytes.length - start < count * width) {
      throw new IOException("array '" + key + "' is truncated: shape needs " + count * width
          + " bytes, file has " + (bytes.length - start));
    }
    double[] values = new double[Math.toIntExact(count)];
    for (int i = 0; i < values.length; i++) {
      int at = start + i * width;
      values[i] = switch (descr) {
        case "<f8" -> b.getDouble(at);
        case "<f4" -> b.getFloat(at);
        case "<i8" -> b.getLong(at);
        default -> b.getInt(at);
      };
    }
    return new Array(shape, values);
  }

  private static String find(Pattern p, String header, String key, String what) throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IOException("array '" + key + "' has no '" + what + "' in its .npy header");
    }
    return m.group(1);
  }
}

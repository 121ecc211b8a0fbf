package hamflow.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzWriterTest {
  @TempDir Path dir;

  @Test
  void npyHoldsAnAlignedHeaderAndLittleEndianDoubles() {
    byte[] npy = NpzWriter.npy(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, -0.5});
    assertThat(new String(npy, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = b.getShort(8);
    // NumPy requires the data to start on a 64-byte boundary, header ending in a newline.
    assertThat((10 + headerLength) % 64).isZero();
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }")
        .endsWith("\n");
    assertThat(b.getDouble(10 + headerLength + 8 * 5)).isEqualTo(-0.5);
    assertThat(npy).hasSize(10 + headerLength + 8 * 6);
  }

  @Test
  void oneDimensionalShapeIsATuple() {
    byte[] npy = NpzWriter.npy(new int[] {4}, new double[4]);
    assertThat(new String(npy, StandardCharsets.US_ASCII)).contains("'shape': (4,)");
  }

  @Test
  void archiveHoldsOneNpyPerKey() throws Exception {
    Path file = dir.resolve("a.npz");
    new NpzWriter().add("t", new int[] {2}, new double[] {0, 1})
        .add("x", new int[] {1, 2, 2}, new double[] {1, 2, 3, 4}).write(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertThat(zip.stream().map(e -> e.getName())).containsExactly("t.npy", "x.npy");
    }
  }

  @Test
  void shapeMustMatchTheData() {
    assertThatThrownBy(() -> new NpzWriter().add("x", new int[] {2, 2}, new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
  }
}

package hamflow.runtime.tf;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.DoubleDataBuffer;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Copies between Java float64 arrays and float32/float64 tensors. Callers close the tensors. */
public final class Tensors {
  private Tensors() {}

  /** A {@code [rows, cols]} tensor of {@code dtype} holding {@code values}. */
  public static Tensor matrix(Class<? extends TFloating> dtype, double[][] values) {
    int rows = values.length;
    int cols = rows == 0 ? 0 : values[0].length;
    double[] flat = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(values[i], 0, flat, i * cols, cols);
    }
    return of(dtype, Shape.of(rows, cols), flat);
  }

  /** A tensor of {@code dtype} and {@code shape} holding {@code flat} in row-major order. */
  public static Tensor of(Class<? extends TFloating> dtype, Shape shape, double[] flat) {
    if (dtype == TFloat64.class) {
      return TFloat64.tensorOf(shape, DataBuffers.of(flat));
    }
    if (dtype == TFloat32.class) {
      float[] f = new float[flat.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) flat[i];
      }
      return TFloat32.tensorOf(shape, DataBuffers.of(f));
    }
    throw new IllegalArgumentException("unsupported dtype " + dtype.getSimpleName());
  }

  /** All values of a float32 or float64 tensor, row-major, as float64. */
  public static double[] flat(Tensor tensor) {
    int size = Math.toIntExact(tensor.shape().size());
    double[] out = new double[size];
    if (tensor instanceof TFloat64 t) {
      DoubleDataBuffer buffer = DataBuffers.of(out, false, false);
      t.copyTo(buffer);
      return out;
    }
    if (tensor instanceof TFloat32 t) {
      float[] f = new float[size];
      FloatDataBuffer buffer = DataBuffers.of(f, false, false);
      t.copyTo(buffer);
      for (int i = 0; i < size; i++) {
        out[i] = f[i];
      }
      return out;
    }
    throw new IllegalArgumentException("not a floating tensor: " + tensor.dataType());
  }

  /** A {@code [rows, cols]} float tensor as Java rows. */
  public static double[][] rows(Tensor tensor) {
    double[] flat = flat(tensor);
    int rows = (int) tensor.shape().get(0);
    int cols = rows == 0 ? 0 : flat.length / rows;
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, out[i], 0, cols);
    }
    return out;
  }
}

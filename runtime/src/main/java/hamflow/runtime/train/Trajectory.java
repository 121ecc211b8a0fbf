package hamflow.runtime.train;

/**
 * One observed trajectory: times {@code [k]}, (possibly noisy) states {@code [k][2n]} and the
 * time derivatives {@code [k][2n]} used as field targets (the exact field at the clean state
 * for generated data, finite differences for files without derivatives).
 */
public record Trajectory(double[] t, double[][] x, double[][] dxdt) {
  public int length() {
    return t.length;
  }
}

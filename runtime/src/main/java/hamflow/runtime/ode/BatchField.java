package hamflow.runtime.ode;

/**
 * A vector field evaluated on the host for a batch of states: {@code [batch][dim]} in, the
 * time derivatives {@code [batch][dim]} out. Autonomous (Hamiltonian fields do not depend on t).
 */
@FunctionalInterface
public interface BatchField {
  double[][] timeDerivative(double[][] states);
}

package hamflow.it.flow;

/**
 * The layer contract under its former name in this package, for tests written against it
 * ({@code LayerContract.measure}, {@code LayerContract.Measurement}: static members and nested
 * types are inherited). The contract itself is {@link hamflow.testkit.LayerContract}; new tests
 * import that, and this alias goes once no test here uses it unqualified.
 */
abstract class LayerContract extends hamflow.testkit.LayerContract {
  private LayerContract() {}
}

/**
 * Contract suites for Hamflow plugins: abstract JUnit 5 classes that a plugin's author extends
 * in test scope, returning the system, integrator or layer under test. Depends on
 * {@code hamflow.api} alone (no runtime), like a plugin.
 */
module hamflow.testkit {
  requires transitive hamflow.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports hamflow.testkit;
  // JUnit discovers and invokes the inherited @Test methods reflectively.
  opens hamflow.testkit to org.junit.platform.commons;
}

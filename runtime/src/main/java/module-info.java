/**
 * The Hamflow runtime: finds plugins, binds descriptors, wires experiments with Guice, owns the
 * TensorFlow graph and session, runs jobs, writes run folders, and hosts the {@code hamflow} CLI.
 */
module hamflow.runtime {
  requires hamflow.api;
  requires com.google.guice;
  requires jakarta.inject;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires org.knowm.xchart;
  requires hipparchus.ode;
  requires hipparchus.core;
  requires java.desktop;
  // Guice 7 generates fast constructors through sun.misc.Unsafe.
  requires jdk.unsupported;

  uses hamflow.api.Plugin;

  exports hamflow.runtime.cli;
  exports hamflow.runtime.descriptor;
  exports hamflow.runtime.experiment;
  exports hamflow.runtime.plugin;
  exports hamflow.runtime.simulate;
  exports hamflow.runtime.tf;
  exports hamflow.runtime.report;
  exports hamflow.runtime.analysis;
  exports hamflow.runtime.train;
  exports hamflow.runtime.ode;
  exports hamflow.runtime.flow;
  exports hamflow.runtime.nct;

  opens hamflow.runtime.cli to info.picocli;
  opens hamflow.runtime.experiment to com.google.guice;
  opens hamflow.runtime.simulate to com.google.guice;
  opens hamflow.runtime.report to com.google.guice;
  opens hamflow.runtime.train to com.google.guice;
  opens hamflow.runtime.nct to com.google.guice;
}

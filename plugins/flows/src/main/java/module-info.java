/** Bundled bijective and symplectic layers for flow stacks (neural canonical transformations). */
module hamflow.plugins.flows {
  requires hamflow.api;

  // Exported so the runtime can bind the public parameter records.
  exports hamflow.plugins.flows;

  provides hamflow.api.Plugin with
      hamflow.plugins.flows.FlowsPlugin;
}

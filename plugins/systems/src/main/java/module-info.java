/** Bundled Hamiltonian systems. */
module hamflow.plugins.systems {
  requires hamflow.api;

  // Exported so the runtime can bind the public parameter records.
  exports hamflow.plugins.systems;

  provides hamflow.api.Plugin with
      hamflow.plugins.systems.SystemsPlugin;
}

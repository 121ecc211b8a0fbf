/** Bundled trainable models of dynamics: Hamiltonian neural networks and the baseline. */
module hamflow.plugins.models {
  requires hamflow.api;

  // Exported so the runtime can bind the public parameter records.
  exports hamflow.plugins.models;

  provides hamflow.api.Plugin with
      hamflow.plugins.models.ModelsPlugin;
}

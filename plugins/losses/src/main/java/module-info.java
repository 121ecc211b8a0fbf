/** Bundled training objectives for models of dynamics. */
module hamflow.plugins.losses {
  requires hamflow.api;

  // Exported so the runtime can bind the public parameter records.
  exports hamflow.plugins.losses;

  provides hamflow.api.Plugin with
      hamflow.plugins.losses.LossesPlugin;
}

/** Bundled time integrators. */
module hamflow.plugins.integrators {
  requires hamflow.api;

  exports hamflow.plugins.integrators;

  provides hamflow.api.Plugin with
      hamflow.plugins.integrators.IntegratorsPlugin;
}

/**
 * The service-provider interfaces of Hamflow. A plugin jar compiles against this module alone,
 * provides {@link hamflow.api.Plugin} and contributes named factories of each kind.
 */
module hamflow.api {
  requires transitive tensorflow;

  exports hamflow.api;
  exports hamflow.api.system;
  exports hamflow.api.integrate;
  exports hamflow.api.tf;
  exports hamflow.api.model;
  exports hamflow.api.loss;
  exports hamflow.api.nn;
  exports hamflow.api.flow;
  exports hamflow.api.objective;

  uses hamflow.api.Plugin;
}

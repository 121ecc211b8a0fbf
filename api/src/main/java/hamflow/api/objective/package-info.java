/**
 * Objectives of flows ({@code job: flow}): what a stack of bijective layers is trained to
 * minimise — likelihood, variational free energy, integrability of latent actions.
 */
package hamflow.api.objective;

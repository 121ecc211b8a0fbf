/**
 * {@code job: flow}: training a stack of bijective layers (a normalizing flow, or a neural
 * canonical transformation when every layer is symplectic) on a flow objective, and the report
 * that checks what it learned — free-energy bounds, learned frequencies against the normal
 * modes, latent actions along trajectories, likelihoods.
 */
package hamflow.runtime.nct;

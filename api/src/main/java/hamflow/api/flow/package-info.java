/**
 * Bijective (and symplectic) layers: the pieces of normalizing flows and neural canonical
 * transformations, contributed by plugins and stacked by the runtime from a descriptor's
 * {@code layers:} list.
 */
package hamflow.api.flow;

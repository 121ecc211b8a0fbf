/** Flow stacks: chains of bijective layers built from a descriptor's {@code layers:} list. */
package hamflow.runtime.flow;

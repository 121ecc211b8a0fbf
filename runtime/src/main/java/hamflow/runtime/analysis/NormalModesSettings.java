package hamflow.runtime.analysis;

import hamflow.api.Param;

/**
 * The {@code analyses.normal-modes:} section: energies of the normal modes of a chain of n unit
 * masses with fixed ends and springs of stiffness κ (harmonic-chain; FPUT with κ = 1).
 */
public record NormalModesSettings(
    @Param(value = "spring constant kappa of the chain's harmonic part (mode frequencies"
            + " 2 sqrt(kappa) sin(k pi/(2n+2)))",
            defaultValue = "1.0", min = 0, minExclusive = true)
        double coupling,
    @Param(value = "how many of the lowest modes normal-modes.png shows", defaultValue = "4",
            min = 1)
        int plotModes) {}

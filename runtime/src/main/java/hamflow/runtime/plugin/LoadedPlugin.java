package hamflow.runtime.plugin;

import hamflow.api.Plugin;

/** A plugin instance and the name of the jar (or module) it was loaded from. */
public record LoadedPlugin(Plugin plugin, String source) {}

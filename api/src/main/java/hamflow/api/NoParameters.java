package hamflow.api;

/** The parameter record of a factory that takes no parameters. */
public record NoParameters() {}

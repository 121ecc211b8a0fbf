package hamflow.runtime.descriptor;

import java.util.List;

/** Every problem found in one descriptor file, reported together (exit status 2). */
public final class InvalidDescriptorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidDescriptorException(String file, List<Problem> problems) {
    super(format(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(String file, List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(file).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      text.append(System.lineSeparator()).append("  ").append(p);
    }
    return text.toString();
  }
}

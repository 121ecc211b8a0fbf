package hamflow.runtime.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase-space coordinates by name, as descriptors and CSV headers write them: {@code q1..qn}
 * then {@code p1..pn} (1-based), matching the columns {@code 0..2n−1} of a state.
 */
public final class Coordinates {
  private static final Pattern NAME = Pattern.compile("([qp])([1-9][0-9]*)");

  private Coordinates() {}

  /** Whether {@code name} has the form {@code q<i>} or {@code p<i>} with i ≥ 1. */
  public static boolean wellFormed(String name) {
    return NAME.matcher(name).matches();
  }

  /** The column of {@code name} in a state of n = {@code dof} degrees of freedom, or −1. */
  public static int index(String name, int dof) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return -1;
    }
    int i;
    try {
      i = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return -1;
    }
    if (i > dof) {
      return -1;
    }
    return m.group(1).equals("q") ? i - 1 : dof + i - 1;
  }

  /** {@code q1..qn, p1..pn}. */
  public static String[] names(int dof) {
    String[] names = new String[2 * dof];
    for (int i = 0; i < dof; i++) {
      names[i] = "q" + (i + 1);
      names[dof + i] = "p" + (i + 1);
    }
    return names;
  }

  /** The valid names for n = {@code dof}, for messages: "q1, q2, p1, p2" or "q1..q8, p1..p8". */
  public static String valid(int dof) {
    return dof <= 2 ? String.join(", ", names(dof)) : "q1..q" + dof + ", p1..p" + dof;
  }
}

package hamflow.runtime.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hamflow.api.Param;
import hamflow.api.system.HamiltonianSystem;
import hamflow.runtime.descriptor.Problem;
import hamflow.runtime.report.RunFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code analyses:} section of a simulate descriptor. Each analysis is optional too:
 * a section left out (or written {@code null}) is not run. Every analysis that runs writes its
 * files into the run folder and its figures into {@code metrics.json} under its own key.
 */
public record Analyses(
    @Param(value = "Poincare section of every trajectory: poincare.csv, poincare.png",
            defaultValue = Param.NONE)
        PoincareSettings poincare,
    @Param(value = "normal-mode energies of a chain with fixed ends (harmonic-chain, fput):"
            + " normal-modes.csv, normal-modes.png",
            defaultValue = Param.NONE)
        NormalModesSettings normalModes,
    @Param(value = "equipartition and virial averages of a thermostatted run, with standard"
            + " errors, in metrics.json",
            defaultValue = Param.NONE)
        EquilibriumSettings equilibrium) {

  /**
   * What is wrong with these analyses for a system of n = {@code dof} degrees of freedom (a
   * coordinate it does not have); paths are relative to the descriptor's root.
   */
  public List<Problem> problems(int dof) {
    List<Problem> problems = new ArrayList<>();
    if (poincare != null) {
      List<String> names = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      names.add(poincare.plane());
      paths.add("analyses.poincare.plane");
      for (int i = 0; i < poincare.plot().size(); i++) {
        names.add(poincare.plot().get(i));
        paths.add("analyses.poincare.plot[" + i + "]");
      }
      for (int i = 0; i < names.size(); i++) {
        if (Coordinates.index(names.get(i), dof) < 0) {
          problems.add(new Problem(paths.get(i), 0, "the system has no coordinate '"
              + names.get(i) + "' (n = " + dof + "); valid: " + Coordinates.valid(dof)));
        }
      }
    }
    return problems;
  }

  /**
   * Runs every analysis asked for on kept states {@code states[i][k]} at {@code times[k]} of
   * {@code system}: writes its files into {@code folder} and its figures into {@code metrics}.
   *
   * @param who "system, integrator", for plot titles
   */
  public void run(HamiltonianSystem system, double[] times, double[][][] states,
      RunFolder folder, ObjectNode metrics, String who) throws IOException {
    int dof = system.degreesOfFreedom();
    if (poincare != null) {
      List<PoincareSection.Crossing> points =
          PoincareSection.crossings(poincare, system, times, states);
      PoincareSection.write(poincare, states.length, dof, points, folder, metrics, who);
    }
    if (normalModes != null) {
      NormalModes.write(normalModes, times, NormalModes.energies(normalModes, states), folder,
          metrics, who);
    }
    if (equilibrium != null) {
      Equilibrium.write(equilibrium, Equilibrium.analyse(equilibrium, system, states), metrics);
    }
  }
}

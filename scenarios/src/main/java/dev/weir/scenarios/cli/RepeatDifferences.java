package dev.weir.scenarios.cli;

import dev.weir.harness.check.Verdict;
import dev.weir.harness.conformance.CaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --repeat} found: the runs whose verdicts (each checker's status and first defect)
 * differ between rounds. A flake is worth hunting only with its evidence, and the table and report
 * show round 1, so each difference also carries the summary of every verdict that did not pass in
 * either round compared: the violation, its bound and the page's lag, as the run printed them.
 */
final class RepeatDifferences {

  private RepeatDifferences() {}

  /**
   * One entry per run that differed, in the rounds' order: "case on transport: run 1 …; run k …",
   * then a line per verdict that did not pass in those two, led by its run's number.
   */
  static List<String> of(List<List<CaseResult>> rounds) {
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < rounds.get(0).size(); i++) {
      CaseResult first = rounds.get(0).get(i);
      for (int round = 1; round < rounds.size(); round++) {
        CaseResult other = rounds.get(round).get(i);
        if (!first.outcome().equals(other.outcome())) {
          StringBuilder entry = new StringBuilder(first.caseId() + " on " + first.kind()
              + ": run 1 " + first.outcome() + "; run " + (round + 1) + " " + other.outcome());
          evidence(entry, 1, first);
          evidence(entry, round + 1, other);
          differences.add(entry.toString());
          break;
        }
      }
    }
    return differences;
  }

  private static void evidence(StringBuilder entry, int run, CaseResult result) {
    for (Verdict failed : result.failures()) {
      entry.append("\n    run ").append(run).append(", ").append(failed.checker()).append(": ")
          .append(failed.summary());
    }
  }
}

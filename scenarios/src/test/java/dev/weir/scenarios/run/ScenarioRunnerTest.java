package dev.weir.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ScenarioRunner#runAll}, in real Chromium: with two jobs, two scenarios run side by side
 * (the later one to finish began before the first finished) and their results come in the
 * scenarios' order; with one job, each begins after the one before finished.
 */
class ScenarioRunnerTest {

  /** A result as it came: when it was handed over, ns. */
  private record Came(CaseResult result, long atNs) {
    long startedNs() {
      return atNs - result.took().toNanos();
    }
  }

  @Test
  void twoJobsRunSideBySideAndOneJobRunsInTurnResultsInTheScenariosOrder() throws Exception {
    List<ScenarioInstance> instances =
        ScenarioParser.parse(Path.of("src/test/scenarios/ordering-over-ipc.yaml"));
    ScenarioRunner runner =
        new ScenarioRunner(BrowserRuntime.shared(), Optional.empty(), Optional.empty());
    runner.run(instances.get(0)); // the browser and the frontend's server up before timing

    for (int jobs : new int[] {2, 1}) {
      List<Came> came = new ArrayList<>();
      List<CaseResult> results =
          runner.runAll(instances, jobs, r -> came.add(new Came(r, System.nanoTime())));

      assertEquals(List.of("ordering-over-ipc[kind=channel]", "ordering-over-ipc[kind=event]"),
          results.stream().map(CaseResult::caseId).toList());
      assertTrue(results.stream().allMatch(CaseResult::passed), results.toString());
      assertEquals(2, came.size());
      Came first = came.get(0);
      Came second = came.get(1);
      if (jobs == 2) {
        assertTrue(second.startedNs() < first.atNs(), "the second began "
            + (second.startedNs() - first.atNs()) / 1_000_000 + " ms after the first finished");
      } else {
        assertTrue(second.startedNs() >= first.atNs(), "one job: in turn");
      }
    }
  }
}

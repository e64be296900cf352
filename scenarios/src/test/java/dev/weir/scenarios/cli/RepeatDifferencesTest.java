package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.check.Violation;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.evidence.Evidence;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.simulator.pacing.ManualWallClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run that flaked is named with the evidence of the round that went wrong, which the table and
 * report (round 1) do not show; runs the same every round are not named.
 */
class RepeatDifferencesTest {

  private static final Evidence NOTHING = Evidence.of(Trace.start(new ManualWallClock(0)).snapshot());

  private static CaseResult run(String caseId, Verdict verdict) {
    return new CaseResult(caseId, "", "websocket", List.of(verdict), Duration.ofSeconds(1), NOTHING);
  }

  private static Verdict ok() {
    return new Verdict("reconnect", Status.OK, Map.of(), Map.of(), null, "OK: 9 retries judged.");
  }

  private static Verdict tooLate() {
    Trace trace = Trace.start(new ManualWallClock(0));
    trace.lifecycle(EventKind.CONNECT_ATTEMPT, trace.stream("s"), "websocket");
    TraceEvent attempt = trace.snapshot().events(EventFilter.of(EventKind.CONNECT_ATTEMPT)).get(0);
    Violation late = new Violation("too-late", "at most 240 ms", "251 ms", attempt, List.of(),
        List.of());
    return new Verdict("reconnect", Status.FAILED, Map.of(), Map.of(), late,
        "FAILED: attempt 6 came after 251 ms, beyond 240 ms (bound 0.7 ms, lag 3 ms).");
  }

  @Test
  void aRunThatDifferedIsNamedWithTheFailingRoundsSummary() {
    List<List<CaseResult>> rounds = List.of(
        List.of(run("4.1", ok()), run("4.2", ok())),
        List.of(run("4.1", ok()), run("4.2", ok())),
        List.of(run("4.1", tooLate()), run("4.2", ok())));
    assertEquals(List.of("4.1 on websocket: run 1 reconnect OK; run 3 reconnect FAILED (too-late)"
            + "\n    run 3, reconnect: FAILED: attempt 6 came after 251 ms, beyond 240 ms"
            + " (bound 0.7 ms, lag 3 ms)."),
        RepeatDifferences.of(rounds));
  }

  @Test
  void runsTheSameEveryRoundAreNotNamed() {
    List<List<CaseResult>> rounds = List.of(List.of(run("4.1", tooLate())),
        List.of(run("4.1", tooLate())));
    assertEquals(List.of(), RepeatDifferences.of(rounds));
  }
}

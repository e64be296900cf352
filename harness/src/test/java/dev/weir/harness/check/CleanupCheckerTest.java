package dev.weir.harness.check;

import static dev.weir.harness.trace.EventKind.CLOSE;
import static dev.weir.harness.trace.EventKind.END;
import static dev.weir.harness.trace.EventKind.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanupCheckerTest {

  private static final long MS = 1_000_000;
  private static final Duration BOUND = Duration.ofMillis(10);
  private static final CleanupChecker STRICT = new CleanupChecker(BOUND, Map.of());

  /**
   * One subscription's life on stream "a": open, five messages delivered and consumed, the page
   * unsubscribes, one message already in flight is sent and delivered within the bound, the
   * frontend reports closing, and after the close settles the harness samples the page.
   */
  private static void cycle(TestTrace t, long listeners, long heap) {
    t.lifecycle(OPEN, "a", "subscribe").sendRange("a", 0, 4).deliverRange("a", 0, 4);
    for (long s = 0; s <= 4; s++) {
      t.consumeAt("a", s, t.nowNs());
    }
    t.lifecycle(CLOSE, "a", "unsubscribe").send("a", 5).deliverReceivedAt("a", 5, t.nowNs());
    t.lifecycle(CLOSE, "a", "frontend").pause(MS);
    sample(t, listeners, heap);
  }

  private static void sample(TestTrace t, long listeners, long heap) {
    t.gauge("page", "listeners", listeners).gauge("page", "js-heap-bytes", heap);
  }

  private static TestTrace cycles(int n) {
    TestTrace t = new TestTrace();
    sample(t, 12, 5_000_000);
    for (int c = 0; c < n; c++) {
      cycle(t, 12, 5_000_000);
    }
    return t;
  }

  @Test
  void cleanCyclesWithFlatGaugesPass() {
    Verdict v = STRICT.check(cycles(20).snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(2, v.count("streams"));
    assertEquals(20, v.count("opens"));
    assertEquals(40, v.count("closes"));
    assertEquals(20, v.count("closed-periods"));
    assertEquals(0, v.count("sends-after-close"));
    assertEquals(1, v.count("longest-producing-after-close-us")); // the in-flight send, 1 µs after
    assertEquals(42, v.count("gauge-samples"));
    assertEquals(0, v.count("growth-listeners"));
    assertEquals(0, v.count("growth-js-heap-bytes"));
    assertTrue(v.firstViolation().isEmpty());
    assertTrue(v.summary().startsWith("OK: 20 closed periods on 2 streams"), v::summary);
  }

  @Test
  void sendsWithinTheBoundAfterACloseAreInFlightNotADefect() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").send("a", 0);
    t.lifecycle(CLOSE, "a", "unsubscribe").pause(9 * MS).send("a", 1, 2); // 9.001, 9.002 ms after
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(9_002, v.count("longest-producing-after-close-us"));
  }

  @Test
  void sendsLongAfterACloseAreKeptProducing() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").send("a", 0, 1);
    t.lifecycle(CLOSE, "a", "unsubscribe") // #3
        .send("a", 2) // #4, within
        .pause(10 * MS)
        .send("a", 3, 4); // #5 at 10.002 ms, #6
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.FAILED, v.status());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("kept-producing", first.defect());
    assertEquals(5, first.event().index());
    assertEquals(3, first.event().sequence());
    assertEquals("the producer stops within 10 ms of the stream's close", first.expected());
    assertEquals(
        "sequence 3 was sent 10.002 ms after the close (unsubscribe, event #3)", first.actual());
    assertEquals(2, v.count("sends-after-close"));
    assertEquals(10_003, v.count("longest-producing-after-close-us"));
    assertEquals(5, first.before().size());
    assertEquals(1, first.after().size());
  }

  @Test
  void aBackendEndStartsAClosedPeriodToo() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").send("a", 0);
    t.lifecycle(END, "a", 1, "").pause(20 * MS).send("a", 1);
    Verdict v = STRICT.check(t.snapshot());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("kept-producing", first.defect());
    assertEquals(3, first.event().index());
    assertTrue(first.actual().endsWith("after the close (end, event #2)"), first::actual);
  }

  @Test
  void aFrontendThatSaysClosedButNeverUnsubscribedWasNeverClosedAndKeptTheProducerGoing() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").send("a", 0);
    t.lifecycle(CLOSE, "a", "frontend"); // #2: only the claim
    for (long s = 1; s <= 5; s++) {
      t.pause(5 * MS).send("a", s);
    }
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.FAILED, v.status());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("never-closed", first.defect());
    assertEquals(2, first.event().index());
    assertEquals(
        "the frontend reported closing the subscription opened at event #0 (subscribe), but no"
            + " close or end followed by the end of the trace",
        first.actual());
    assertEquals(1, v.count("never-closed"));
    assertEquals(4, v.count("sends-after-close")); // 10, 15, 20, 25 ms after; not the one at 5
  }

  @Test
  void aFrontendCloseFollowedByTheUnsubscribeIsClosed() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").send("a", 0);
    t.lifecycle(CLOSE, "a", "frontend").lifecycle(CLOSE, "a", "unsubscribe");
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(1, v.count("closed-periods"));
  }

  @Test
  void aConsumeAfterTheFrontendClosedIsCaughtByItsTimeThoughReportedLate() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").sendRange("a", 0, 2);
    long beforeClose = t.nowNs();
    t.lifecycle(CLOSE, "a", "unsubscribe").lifecycle(CLOSE, "a", "frontend"); // #4, #5
    long afterFrontendClose = t.nowNs() + 500;
    t.pause(MS).lifecycle(OPEN, "a", "subscribe").send("a", 0); // #6, #7: the next cycle
    t.consumeAt("a", 0, beforeClose) // #8: before the close, fine
        .consumeAt("a", 1, afterFrontendClose) // #9: reported after the reopen
        .consumeAt("a", 2, t.nowNs()); // #10: in the new subscription, fine
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.FAILED, v.status());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("consumed-after-close", first.defect());
    assertEquals(9, first.event().index());
    assertEquals(
        "no message is handed to the application after the frontend reports the stream closed",
        first.expected());
    assertEquals(
        "sequence 1 was consumed 0.0005 ms after the frontend reported closing (event #5)",
        first.actual());
    assertEquals(1, v.count("consumes-after-close"));
  }

  @Test
  void aDeliveryLongAfterTheUnsubscribeIsDeliveredAfterClose() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").sendRange("a", 0, 1);
    long closeNs = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(CLOSE, "a", "unsubscribe").pause(30 * MS); // #3
    t.deliverReceivedAt("a", 0, closeNs + 10 * MS) // #4: just within the bound
        .deliverReceivedAt("a", 1, closeNs + 20 * MS); // #5
    Verdict v = STRICT.check(t.snapshot());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("delivered-after-close", first.defect());
    assertEquals(5, first.event().index());
    assertEquals(
        "sequence 1 was delivered 20 ms after the page's unsubscribe (event #3)", first.actual());
    assertEquals(1, v.count("deliveries-after-close"));
  }

  @Test
  void aRunWithNoCloseAndNoGaugeIsInconclusive() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe").sendRange("a", 0, 3);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.INCONCLUSIVE, v.status());
    assertTrue(v.summary().startsWith("INCONCLUSIVE: nothing was closed and no gauge was sampled"),
        v::summary);
  }

  @Test
  void aPageTimeIsJudgedAfterTheCloseOnlyBeyondThePageClocksBound() {
    // The page's times come converted to Java's within the bound the clock states: a delivery
    // timed 11 ms after the unsubscribe with a 10 ms stop bound may have come 9 ms after it.
    TestTrace t = new TestTrace().clockBound(2 * MS).lifecycle(OPEN, "a", "subscribe");
    t.sendRange("a", 0, 1);
    long closeNs = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(CLOSE, "a", "unsubscribe").pause(30 * MS);
    t.deliverReceivedAt("a", 0, closeNs + 11 * MS);
    assertEquals(Status.OK, STRICT.check(t.snapshot()).status());
    t.deliverReceivedAt("a", 1, closeNs + 13 * MS);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(
        "sequence 1 was delivered 13 ms after the page's unsubscribe (event #4), beyond the page"
            + " clock's bound of 2 ms",
        v.firstViolation().orElseThrow().actual());
  }

  @Test
  void aPageTimeWithinItsBoundOfTheNextOpenMayBelongToThatSubscriptionAndIsNotJudged() {
    // The next subscription's first message, converted early by less than the page clock's bound,
    // comes out just before that subscription's open: never against the close before it.
    TestTrace t = new TestTrace().clockBound(MS / 2).lifecycle(OPEN, "a", "subscribe");
    t.sendRange("a", 0, 1).lifecycle(CLOSE, "a", "unsubscribe").lifecycle(CLOSE, "a", "frontend");
    t.pause(300 * MS);
    long reopenNs = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(OPEN, "a", "subscribe").send("a", 2);
    t.deliverReceivedAt("a", 2, reopenNs - 300_000).consumeAt("a", 2, reopenNs - 300_000);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    t.consumeAt("a", 1, reopenNs - 700_000); // beyond the bound: it was in the closed period
    assertEquals("consumed-after-close", STRICT.check(t.snapshot()).firstViolation().orElseThrow()
        .defect());
  }

  @Test
  void aConsumeIsJudgedAgainstTheFrontendsCloseBeyondTheLargerBoundOfTheTwo() {
    // Both are the page's times, converted while the bound tightened from 3 ms to 1 ms.
    TestTrace t = new TestTrace().clockBound(3 * MS).lifecycle(OPEN, "a", "subscribe");
    t.sendRange("a", 0, 1).lifecycle(CLOSE, "a", "unsubscribe");
    long frontendCloseNs = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(CLOSE, "a", "frontend").clockBound(MS).pause(10 * MS);
    t.consumeAt("a", 0, frontendCloseNs + 2 * MS);
    assertEquals(Status.OK, STRICT.check(t.snapshot()).status());
    t.consumeAt("a", 1, frontendCloseNs + 4 * MS);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals("consumed-after-close", v.firstViolation().orElseThrow().defect());
    assertTrue(v.firstViolation().orElseThrow().actual().endsWith(
        "beyond the page clock's bound of 3 ms"), v.firstViolation().orElseThrow().actual());
  }

  @Test
  void aDeliveryAfterANetworkCloseIsNotThePagesDoing() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "connect").send("a", 0);
    long closeNs = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(CLOSE, "a", "closed 1006").deliverReceivedAt("a", 0, closeNs + 20 * MS);
    assertEquals(Status.OK, STRICT.check(t.snapshot()).status());
  }

  @Test
  void listenersGrowingByOneEachCycleAreNotAtBaseline() {
    TestTrace t = new TestTrace();
    sample(t, 12, 5_000_000); // #0, #1
    for (int c = 1; c <= 10; c++) {
      cycle(t, 12 + c, 5_000_000);
    }
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.FAILED, v.status());
    Violation first = v.firstViolation().orElseThrow();
    assertEquals("not-at-baseline", first.defect());
    assertEquals(EventKind.GAUGE, first.event().kind());
    assertEquals("listeners", first.event().detail());
    assertEquals(13, first.event().value());
    assertEquals(
        "\"listeners\" returns to its baseline of 12 once a close has settled", first.expected());
    assertEquals("sample 2 read 13, 1 above the baseline", first.actual());
    assertEquals(10, v.count("gauges-over-baseline"));
    assertEquals(10, v.count("growth-listeners"));
    assertEquals(0, v.count("growth-js-heap-bytes"));
  }

  @Test
  void heapWithinItsToleranceIsAtBaselineAndAboveItIsNot() {
    CleanupChecker checker = new CleanupChecker(BOUND, Map.of("js-heap-bytes", 1_000_000L));
    TestTrace within = new TestTrace();
    sample(within, 12, 5_000_000);
    cycle(within, 12, 5_900_000);
    cycle(within, 12, 6_000_000);
    Verdict ok = checker.check(within.snapshot());
    assertEquals(Status.OK, ok.status(), ok::summary);
    assertEquals(1_000_000, ok.count("growth-js-heap-bytes"));

    TestTrace above = new TestTrace();
    sample(above, 12, 5_000_000);
    cycle(above, 12, 5_900_000);
    cycle(above, 12, 6_000_001);
    Verdict failed = checker.check(above.snapshot());
    Violation first = failed.firstViolation().orElseThrow();
    assertEquals("not-at-baseline", first.defect());
    assertEquals(
        "\"js-heap-bytes\" returns to its baseline of 5000000 (tolerance +1000000) once a close"
            + " has settled",
        first.expected());
    assertEquals("sample 3 read 6000001, 1000001 above the baseline", first.actual());
  }

  @Test
  void aReconnectEndsTheClosedPeriod() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "connect").sendRange("a", 0, 2);
    t.lifecycle(CLOSE, "a", "closed 1001").pause(3 * MS).lifecycle(OPEN, "a", "connect");
    t.pause(50 * MS).sendRange("a", 3, 9);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(0, v.count("longest-producing-after-close-us"));
  }

  @Test
  void aReportOlderThanEveryKeptPeriodIsCountedNotJudged() {
    TestTrace t = new TestTrace().lifecycle(OPEN, "a", "subscribe");
    long early = t.nowNs() + TestTrace.TICK_NS;
    t.lifecycle(CLOSE, "a", "frontend").lifecycle(CLOSE, "a", "unsubscribe");
    for (int c = 0; c < CleanupStream.PERIODS; c++) {
      t.lifecycle(OPEN, "a", "subscribe").lifecycle(CLOSE, "a", "unsubscribe");
    }
    t.consumeAt("a", 0, early + 1); // in the first period, now forgotten
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(1, v.count("reports-beyond-history"));
    assertTrue(v.summary().contains("1 page report came more than 64 closes late"), v::summary);
  }

  @Test
  void theConstructorRejectsWhatItCannotJudgeBy() {
    assertEquals(
        "the producer stop bound must be positive, got PT0S",
        assertThrows(
                IllegalArgumentException.class, () -> new CleanupChecker(Duration.ZERO, Map.of()))
            .getMessage());
    assertEquals(
        "the tolerance of gauge \"listeners\" must be >= 0 (how far it may rise above its"
            + " baseline), got -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CleanupChecker(BOUND, Map.of("listeners", -1L)))
            .getMessage());
    Map<String, Long> nullTolerance = new HashMap<>();
    nullTolerance.put("dom-nodes", null);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new CleanupChecker(BOUND, nullTolerance))
            .getMessage()
            .endsWith("got null"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new CleanupChecker(BOUND, Map.of("", 1L)))
            .getMessage()
            .startsWith("gauge tolerances are keyed by metric names"));
    assertThrows(NullPointerException.class, () -> new CleanupChecker(null, Map.of()));
    assertThrows(NullPointerException.class, () -> new CleanupChecker(BOUND, null));
    assertEquals("cleanup", STRICT.name());
    assertEquals(
        "cleanup[producer stop bound 10 ms, gauge tolerances {js-heap-bytes=5}]",
        new CleanupChecker(BOUND, Map.of("js-heap-bytes", 5L)).toString());
  }

  @Test
  void theVerdictsJsonIsStable() {
    TestTrace t = new TestTrace().gauge("page", "listeners", 3);
    t.lifecycle(OPEN, "a", "subscribe").send("a", 0).lifecycle(CLOSE, "a", "unsubscribe");
    t.pause(20 * MS).send("a", 1).gauge("page", "listeners", 3);
    Verdict v = STRICT.check(t.snapshot());
    assertEquals(
        List.of(
            "streams",
            "opens",
            "closes",
            "ends",
            "closed-periods",
            "sends-after-close",
            "longest-producing-after-close-us",
            "consumes-after-close",
            "deliveries-after-close",
            "never-closed",
            "reports-beyond-history",
            "gauge-samples",
            "gauges-over-baseline",
            "growth-listeners"),
        List.copyOf(v.counts().keySet()));
    assertEquals(
        "{\"checker\":\"cleanup\",\"status\":\"FAILED\",\"summary\":\"FAILED: 1 closed period on 2"
            + " streams (1 open, 1 close, 0 ends); the producer must stop within 10 ms of a close,"
            + " and it last sent 20.001 ms after one. 2 gauge samples; most above baseline:"
            + " listeners +0 (tolerance 0). Found: kept-producing (1). First violation:"
            + " kept-producing at event #4 (stream \\\"a\\\"): expected the producer stops within"
            + " 10 ms of the stream's close, but sequence 1 was sent 20.001 ms after the close"
            + " (unsubscribe, event #3).\",\"counts\":{\"streams\":2,\"opens\":1,\"closes\":1,"
            + "\"ends\":0,\"closed-periods\":1,\"sends-after-close\":1,"
            + "\"longest-producing-after-close-us\":20001,\"consumes-after-close\":0,"
            + "\"deliveries-after-close\":0,\"never-closed\":0,\"reports-beyond-history\":0,"
            + "\"gauge-samples\":2,\"gauges-over-baseline\":0,\"growth-listeners\":0},"
            + "\"fractions\":{},\"first_violation\":{\"defect\":\"kept-producing\",\"expected\":\"the"
            + " producer stops within 10 ms of the stream's close\",\"actual\":\"sequence 1 was"
            + " sent 20.001 ms after the close (unsubscribe, event #3)\",\"event\":{\"index\":4,"
            + "\"kind\":\"send\",\"stream\":\"a\",\"sequence\":1,\"size\":8,\"virtual_ns\":1000,"
            + "\"wall_ns\":20005000},\"before\":[{\"index\":1,\"kind\":\"open\",\"stream\":\"a\","
            + "\"detail\":\"subscribe\",\"wall_ns\":2000},{\"index\":2,\"kind\":\"send\","
            + "\"stream\":\"a\",\"sequence\":0,\"size\":8,\"virtual_ns\":0,\"wall_ns\":3000},"
            + "{\"index\":3,\"kind\":\"close\",\"stream\":\"a\",\"detail\":\"unsubscribe\","
            + "\"wall_ns\":4000}],\"after\":[]}}",
        v.toJson());
    assertEquals(v.toJson(), STRICT.check(t.snapshot()).toJson());
  }
}

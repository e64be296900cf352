package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each defect the ordering checker judges, the first violation it names and its context. */
class OrderingCheckerTest {

  private static final long MS = 1_000_000;
  private static final OrderingChecker CHECKER =
      new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));

  @Nested
  class Passing {

    @Test
    void interleavedSendsAndDeliveriesOnOneStreamAreOk() {
      TestTrace t = new TestTrace();
      for (int i = 0; i < 20; i++) {
        t.send("a", i).deliver("a", i);
      }
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertTrue(v.firstViolation().isEmpty());
      assertEquals(20, v.count("sent"));
      assertEquals(20, v.count("arrived"));
      assertEquals(20, v.count("ok"));
      assertEquals(1.0, v.fraction("ok"));
      assertEquals(0.0, v.fraction("lost"));
      assertEquals(TestTrace.TICK_NS, v.count("worst-wait-ns"));
    }

    @Test
    void deliveriesReportedLateInBatchesOrEvenBeforeTheirSendAreMatchedBySequence() {
      TestTrace t = new TestTrace().sendRange("a", 0, 9).deliverRange("a", 0, 9);
      t.deliver("a", 10).send("a", 10); // the page's report overtook the send's record
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(11, v.count("ok"));
    }

    @Test
    void anEmptyTraceIsInconclusiveWithNothingCounted() {
      // Ledger: "OK: 0 messages sent on 0 streams" was a pass that judged nothing.
      Verdict v = CHECKER.check(new TestTrace().snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status());
      assertTrue(v.summary().startsWith("INCONCLUSIVE: nothing was sent and nothing arrived"),
          v::summary);
      assertEquals(0, v.count("streams"));
      assertTrue(Double.isNaN(v.fraction("ok")), "a share of nothing sent");
    }

    @Test
    void aWaitIsAStallOnlyBeyondTheBoundPlusThePagesClockBoundAndHeldTime() {
      // Ledger: a delivery the page took late because its event loop was held (the renderer busy)
      // is allowed the held time; the clock's bound is allowed as for every page time.
      TestTrace t = new TestTrace().clockBound(MS).send("a", 0);
      long sentNs = t.nowNs();
      t.lag(300 * MS, sentNs + 900 * MS); // held from 600 ms to 900 ms after the send
      t.deliverReceivedAt("a", 0, sentNs + 1_250 * MS); // 250 ms over the 1 s bound
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      // A pass that rests on the allowance says so (ledger entry 11).
      assertTrue(v.summary().contains(" 1 waited past 1000 ms only by the time allowed for the"
          + " page's times"), v.summary());

      TestTrace late = new TestTrace().clockBound(MS).send("a", 0);
      long sent = late.nowNs();
      late.lag(100 * MS, sent + 900 * MS);
      late.deliverReceivedAt("a", 0, sent + 1_250 * MS); // 250 ms over; 111 ms allowed
      Verdict stalled = CHECKER.check(late.snapshot());
      assertEquals("sequence 0 arrived 1250 ms after its send, beyond the bound plus the 111 ms"
          + " allowed for the page's times (the page clock's bound and the time the page's event"
          + " loop was held meanwhile)", stalled.firstViolation().orElseThrow().actual());
    }

    @Test
    void lifecycleEventsAndOtherKindsAreNotArrivals() {
      TestTrace t = new TestTrace().lifecycle(EventKind.OPEN, "a", "").sendRange("a", 0, 2);
      t.lifecycle(EventKind.FAULT, "a", "reorder").deliverRange("a", 0, 2);
      t.lifecycle(EventKind.END, "a", "sent 3").lifecycle(EventKind.CLOSE, "a", "backend");
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(3, v.count("arrived"));
    }
  }

  @Nested
  class FirstViolation {

    @Test
    void outOfOrderNamesTheLowerArrivalWithFiveEventsOfItsStreamBeforeAndFewerAfterAtTheEnd() {
      TestTrace t = new TestTrace().sendRange("a", 0, 9).send("b", 0); // events 0-10
      t.deliverRange("a", 0, 5).deliver("b", 0); // 11-16, 17
      t.deliver("a", 7, 6, 8, 9); // 18-21: 6 comes after 7
      Verdict v = CHECKER.check(t.snapshot());

      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("out-of-order", violation.defect());
      assertEquals(19, violation.event().index());
      assertEquals(EventKind.DELIVERY, violation.event().kind());
      assertEquals("a", violation.event().stream());
      assertEquals(6, violation.event().sequence());
      assertEquals(20_000, violation.event().wallNs());
      assertEquals(List.of(13L, 14L, 15L, 16L, 18L), indexes(violation.before()));
      assertEquals(List.of(20L, 21L), indexes(violation.after()));
      assertEquals("sequences arrive in the order they were sent", violation.expected());
      assertEquals("sequence 6 arrived after sequence 7", violation.actual());
      assertEquals(1, v.count("out-of-order"));
      assertEquals(10, v.count("ok"));
      assertEquals(1.0 / 11, v.fraction("out-of-order"), 1e-12); // over 11 sent
    }

    @Test
    void aDuplicateIsNamedAtItsSecondArrivalAndIsNotAlsoOutOfOrder() {
      TestTrace t = new TestTrace().sendRange("a", 0, 9).deliverRange("a", 0, 4);
      t.deliver("a", 2).deliverRange("a", 5, 9).deliver("a", 2); // 15, 16-20, 21
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("duplicate", violation.defect());
      assertEquals(15, violation.event().index());
      assertEquals(2, violation.event().sequence());
      assertEquals(List.of(10L, 11L, 12L, 13L, 14L), indexes(violation.before()));
      assertEquals(List.of(16L, 17L, 18L, 19L, 20L), indexes(violation.after()));
      assertEquals("sequence 2 arrived again", violation.actual());
      assertEquals(1, v.count("duplicated"), "one message, however many copies");
      assertEquals(0, v.count("out-of-order"));
      assertEquals(9, v.count("ok"));
    }

    @Test
    void aLossIsNamedAtTheSendWithFewerEventsBeforeAtTheStartOfTheStream() {
      TestTrace t = new TestTrace().sendRange("a", 0, 9);
      t.deliverRange("a", 0, 3).deliverRange("a", 5, 9);
      Verdict v = CHECKER.check(t.snapshot());

      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("lost", violation.defect());
      assertEquals(4, violation.event().index());
      assertEquals(EventKind.SEND, violation.event().kind());
      assertEquals(4, violation.event().sequence());
      assertEquals(List.of(0L, 1L, 2L, 3L), indexes(violation.before()));
      assertEquals(List.of(5L, 6L, 7L, 8L, 9L), indexes(violation.after()));
      assertEquals("sequence 4 arrives, or a drop event accounts for it", violation.expected());
      assertEquals("sequence 4 never arrived, and no drop was recorded for it", violation.actual());
      assertEquals(1, v.count("lost"));
      assertEquals(0, v.count("stalled"), "its wait to the end is under the bound");
    }

    @Test
    void aPhantomIsNamedAtItsArrival() {
      TestTrace t = new TestTrace().sendRange("a", 0, 4).deliverRange("a", 0, 4).deliver("a", 7);
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("phantom", violation.defect());
      assertEquals(10, violation.event().index());
      assertEquals(7, violation.event().sequence());
      assertEquals("sequence 7 arrived but was never sent", violation.actual());
      assertEquals(1, v.count("phantom"));
      assertEquals(5, v.count("ok"));
    }

    @Test
    void aPhantomFarAheadOfEverySendIsJudgedAtTheEndAndWhatArrivesBelowItAfterIsOutOfOrder() {
      TestTrace t = new TestTrace().sendRange("a", 0, 4).deliver("a", 0, 1_000_000_000L); // 0-6
      t.deliverRange("a", 1, 4); // 7-10: each after sequence 1,000,000,000 arrived
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("phantom", violation.defect());
      assertEquals(6, violation.event().index());
      assertEquals("sequence 1000000000 arrived but was never sent", violation.actual());
      assertEquals(1, v.count("phantom"));
      assertEquals(4, v.count("out-of-order"));
      assertEquals(1, v.count("ok"));
    }

    @Test
    void aLateDeliveryStallsAndTheWorstWaitIsReported() {
      OrderingChecker checker = new OrderingChecker(EventKind.DELIVERY, Duration.ofNanos(50_000));
      TestTrace t = new TestTrace().sendRange("a", 0, 4).deliverRange("a", 0, 1); // 0-4 at 1-5 µs
      t.pause(100_000).deliverRange("a", 2, 4); // received at 108-110 µs
      Verdict v = checker.check(t.snapshot());

      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("stall", violation.defect());
      assertEquals(7, violation.event().index());
      assertEquals(2, violation.event().sequence());
      assertEquals("sequence 2 arrives within 0.05 ms of its send", violation.expected());
      assertEquals("sequence 2 arrived 0.105 ms after its send", violation.actual());
      assertEquals(3, v.count("stalled"));
      assertEquals(105_000, v.count("worst-wait-ns"));
      assertTrue(
          v.summary().contains("Worst wait 0.105 ms (stream \"a\", sequence 2)"), v::summary);
    }

    @Test
    void aMessageNeverDeliveredWaitsUntilTheTraceEndsAndIsReportedLostBeforeStalled() {
      OrderingChecker checker = new OrderingChecker(EventKind.DELIVERY, Duration.ofNanos(100_000));
      TestTrace t = new TestTrace().sendRange("a", 0, 2).deliverRange("a", 0, 1); // 2 sent at 3 µs
      t.pause(1_000_000).lifecycle(EventKind.CLOSE, "a", "page"); // the trace ends at 1006 µs
      Verdict v = checker.check(t.snapshot());

      assertEquals("lost", v.firstViolation().orElseThrow().defect());
      assertEquals(2, v.firstViolation().orElseThrow().event().index());
      assertEquals(1, v.count("lost"));
      assertEquals(1, v.count("stalled"));
      assertEquals(1_003_000, v.count("worst-wait-ns"));
    }

    @Test
    void aResentSequenceIsNamedAtTheSecondSend() {
      TestTrace t = new TestTrace().send("a", 0, 1, 1).deliverRange("a", 0, 1);
      Violation violation = CHECKER.check(t.snapshot()).firstViolation().orElseThrow();
      assertEquals("resent", violation.defect());
      assertEquals(2, violation.event().index());
      assertEquals("sequence 1 was sent a second time", violation.actual());
    }

    @Test
    void theContextKeepsEveryKindOfEventOnTheStream() {
      TestTrace t = new TestTrace().sendRange("a", 0, 2); // 0-2
      t.lifecycle(EventKind.FAULT, "a", "reorder").deliver("a", 1, 0, 2); // 3, 4-6
      t.lifecycle(EventKind.CLOSE, "a", "page"); // 7
      Violation violation = CHECKER.check(t.snapshot()).firstViolation().orElseThrow();
      assertEquals(5, violation.event().index());
      List<TraceEvent> before = violation.before();
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L), indexes(before));
      assertEquals("reorder", before.get(3).detail());
      assertEquals(EventKind.CLOSE, violation.after().get(1).kind());
    }

    @Test
    void theEarliestViolationInTheTraceIsReportedEvenWhenFoundLast() {
      // The loss of 1 is known only at the end, but its send comes before the duplicate of 0.
      TestTrace t = new TestTrace().sendRange("a", 0, 2).deliver("a", 0, 0, 2);
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals("lost", v.firstViolation().orElseThrow().defect());
      assertEquals(1, v.firstViolation().orElseThrow().event().index());
      assertEquals(1, v.count("duplicated"));
    }
  }

  @Nested
  class Drops {

    @Test
    void lossesADropAccountsForPassNonStrictAndShowTheFirstDrop() {
      TestTrace t = new TestTrace().sendRange("a", 0, 9).drop("a", 4); // 0-9, 10
      t.deliverRange("a", 0, 3).deliverRange("a", 5, 9); // 11-19
      Verdict v = CHECKER.check(t.snapshot());

      assertEquals(Status.NON_STRICT, v.status(), v::summary);
      assertTrue(v.status().passed());
      Violation deviation = v.firstViolation().orElseThrow();
      assertEquals("allowed-lost", deviation.defect());
      assertEquals(10, deviation.event().index());
      assertEquals(EventKind.DROP, deviation.event().kind());
      assertEquals("drop-oldest", deviation.event().detail());
      assertEquals(List.of(5L, 6L, 7L, 8L, 9L), indexes(deviation.before()));
      assertEquals(List.of(11L, 12L, 13L, 14L, 15L), indexes(deviation.after()));
      assertEquals("sequence 4 never arrived; a drop event accounts for it", deviation.actual());
      assertEquals(1, v.count("allowed-lost"));
      assertEquals(0, v.count("lost"));
      assertEquals(0.1, v.fraction("allowed-lost"), 1e-12);
      assertTrue(v.summary().startsWith("NON-STRICT: "), v::summary);
    }

    @Test
    void aDropRecordedBeforeItsSendStillAccountsForTheLoss() {
      TestTrace t = new TestTrace().send("a", 0).drop("a", 1).send("a", 1).deliver("a", 0);
      assertEquals(Status.NON_STRICT, CHECKER.check(t.snapshot()).status());
    }

    @Test
    void aDroppedMessageThatArrivesAnywayIsFine() {
      TestTrace t = new TestTrace().send("a", 0).drop("a", 0).deliver("a", 0);
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(1, v.count("ok"));
    }

    @Test
    void anyFailureOutranksAnEarlierAllowedLoss() {
      TestTrace t = new TestTrace().sendRange("a", 0, 4).drop("a", 0); // 0-4, 5
      t.deliver("a", 2, 1, 3, 4); // 6-9: 1 after 2
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.FAILED, v.status());
      assertEquals("out-of-order", v.firstViolation().orElseThrow().defect());
      assertEquals(7, v.firstViolation().orElseThrow().event().index());
      assertEquals(1, v.count("allowed-lost"));
    }
  }

  @Nested
  class Streams {

    @Test
    void streamsWithTheSameSequencesAreJudgedApart() {
      TestTrace t = new TestTrace();
      for (int i = 0; i < 10; i++) {
        t.send("a", i).send("b", i).deliver("b", i).deliver("a", i);
      }
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(2, v.count("streams"));
      assertEquals(20, v.count("ok"));
    }

    @Test
    void aDefectOnOneStreamIsNamedWithThatStreamsContextOnly() {
      TestTrace t = new TestTrace();
      for (int i = 0; i < 10; i++) { // events 4i to 4i + 3; b's 6 and 7 arrive swapped
        t.send("a", i).send("b", i).deliver("a", i).deliver("b", i == 6 ? 7 : i == 7 ? 6 : i);
      }
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("out-of-order", violation.defect());
      assertEquals("b", violation.event().stream());
      assertEquals(31, violation.event().index());
      assertEquals(6, violation.event().sequence());
      assertEquals(List.of(21L, 23L, 25L, 27L, 29L), indexes(violation.before()));
      assertEquals(List.of(33L, 35L, 37L, 39L), indexes(violation.after()));
      assertTrue(violation.before().stream().allMatch(e -> e.stream().equals("b")));
      assertTrue(violation.after().stream().allMatch(e -> e.stream().equals("b")));
      assertEquals(1, v.count("out-of-order"));
      assertEquals(0, v.count("lost"));
      assertEquals(19, v.count("ok"));
    }
  }

  /** Judgments do not depend on how far apart sequences are: nothing is bounded by a window. */
  @Nested
  class LongDistances {

    /** More newer messages than the old checker's window of 131,072 sequences held. */
    private static final int NEWER = 300_000;

    @Test
    void aMessageOvertakenByHundredsOfThousandsOfNewerOnesIsOutOfOrderAndStalledNeverLost() {
      OrderingChecker checker = new OrderingChecker(EventKind.DELIVERY, Duration.ofMillis(100));
      TestTrace t = new TestTrace().send("a", 0); // event 0, at 1 µs
      for (int i = 1; i <= NEWER; i++) {
        t.send("a", i).deliver("a", i);
      }
      long late = t.nextIndex();
      t.deliver("a", 0); // 600 ms after its send
      Verdict v = checker.check(t.snapshot());

      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("out-of-order", violation.defect(), v::summary);
      assertEquals(late, violation.event().index());
      assertEquals("sequence 0 arrived after sequence " + NEWER, violation.actual());
      assertEquals(0, v.count("lost"), v::summary);
      assertEquals(1, v.count("out-of-order"));
      assertEquals(1, v.count("stalled"));
      assertEquals(0, v.count("duplicated") + v.count("phantom") + v.count("resent"));
      assertEquals(NEWER, v.count("ok"));
      assertEquals(2L * NEWER * TestTrace.TICK_NS + TestTrace.TICK_NS, v.count("worst-wait-ns"));
    }

    @Test
    void aStreamWithEveryDeliveryLateIsJudgedExactly() {
      TestTrace t = new TestTrace();
      for (int i = 0; i < 1000; i++) {
        t.send("a", i);
        if (i >= 3) {
          t.deliver("a", i - 3);
        }
      }
      t.deliverRange("a", 997, 999).deliver("a", 995);
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(999, v.count("ok"));
      assertEquals(1, v.count("duplicated"));
      assertEquals(0, v.count("out-of-order"));
    }

    @Test
    void copiesSendsAndDropsLongAfterTheirMessageAreJudgedAsTheyWouldBeAtOnce() {
      TestTrace t = new TestTrace().sendRange("a", 0, 1).deliverRange("a", 0, 1).send("a", 3);
      for (int i = 4; i <= NEWER; i++) { // 3 waits behind them all; 2 is never sent
        t.send("a", i).deliver("a", i);
      }
      long copy = t.nextIndex();
      t.deliver("a", 0, 0).send("a", 1).drop("a", 3).send("a", 2).deliver("a", 2);
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("duplicate", violation.defect(), v::summary);
      assertEquals(copy, violation.event().index());
      assertEquals(1, v.count("duplicated"), "one message, however many copies");
      assertEquals(1, v.count("resent"), v::summary);
      assertEquals(1, v.count("allowed-lost"), "3's drop came long after its send");
      assertEquals(1, v.count("out-of-order"), "2, sent late into the gap, arrived after " + NEWER);
      assertEquals(0, v.count("lost") + v.count("phantom"));
      assertEquals(NEWER - 3 + 1, v.count("ok"), "all but 0 (copied), 2 (late) and 3 (dropped)");
    }

    @Test
    void sequencesUpToTheLargestLongAreJudgedAsAnyOther() {
      long last = Long.MAX_VALUE; // what a page's oversized number may be clamped to
      ManualWallClock clock = new ManualWallClock(0);
      Trace trace = Trace.start(clock);
      int a = trace.stream("a");
      int b = trace.stream("b");
      for (long sequence : new long[] {0, 1, 2, last - 1, last}) { // events 0-4
        clock.advance(TestTrace.TICK_NS);
        trace.send(a, sequence, 8, 0);
      }
      for (long sequence : new long[] {last, 0, 1, last - 1}) { // 5-8
        clock.advance(TestTrace.TICK_NS);
        trace.delivery(a, sequence, 8, clock.nanoTime());
      }
      clock.advance(TestTrace.TICK_NS);
      trace.delivery(b, last, 8, clock.nanoTime()); // 9
      Verdict v = CHECKER.check(trace.snapshot());

      assertEquals("lost", v.firstViolation().orElseThrow().defect(), v::summary);
      assertEquals(2, v.firstViolation().orElseThrow().event().index());
      assertEquals(1, v.count("lost"));
      assertEquals(3, v.count("out-of-order"), "0, 1 and the one below the last, after the last");
      assertEquals(1, v.count("phantom"));
      assertEquals(1, v.count("ok"));
    }

    @Test
    void aMessageThatNeverArrivesBehindHundredsOfThousandsOfNewerOnesIsLostNamedByItsSend() {
      TestTrace t = new TestTrace().send("a", 0);
      for (int i = 1; i <= NEWER; i++) {
        t.send("a", i).deliver("a", i);
      }
      Verdict v = CHECKER.check(t.snapshot());

      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("lost", violation.defect(), v::summary);
      assertEquals(0, violation.event().index());
      assertEquals(EventKind.SEND, violation.event().kind());
      assertEquals("sequence 0 never arrived, and no drop was recorded for it", violation.actual());
      assertEquals(1, v.count("lost"));
      assertEquals(0, v.count("out-of-order") + v.count("duplicated") + v.count("phantom"));
      assertEquals(NEWER, v.count("ok"));
    }
  }

  @Test
  void theArrivalKindDecidesWhichEventsAreJudged() {
    // Until the frontend's consume kind exists, fault events with a sequence stand in for it.
    TestTrace t = new TestTrace().sendRange("a", 0, 2).deliverRange("a", 0, 2);
    t.lifecycle(EventKind.FAULT, "a", 0, "consumed").lifecycle(EventKind.FAULT, "a", 2, "consumed");
    t.lifecycle(EventKind.FAULT, "a", 1, "consumed"); // event 8
    t.lifecycle(EventKind.FAULT, "a", "a fault without a sequence is no arrival");
    TraceSnapshot snapshot = t.snapshot();

    assertEquals(Status.OK, CHECKER.check(snapshot).status());
    Verdict v = new OrderingChecker(EventKind.FAULT, Duration.ofSeconds(1)).check(snapshot);
    assertEquals("ordering/fault", v.checker());
    assertEquals(3, v.count("arrived"));
    assertEquals(8, v.firstViolation().orElseThrow().event().index());
    assertEquals("out-of-order", v.firstViolation().orElseThrow().defect());
  }

  @Test
  void theNameSaysWhichArrivalsAreJudged() {
    assertEquals("ordering/delivery", CHECKER.name());
  }

  @Test
  void boundsAreCheckedWithMessagesThatSayWhatWasExpected() {
    Duration second = Duration.ofSeconds(1);
    assertEquals(
        "arrivals must be the kind of event that records a message reaching its consumer, such as"
            + " delivery; got send, which the checker reads as what was sent",
        assertThrows(
                IllegalArgumentException.class, () -> new OrderingChecker(EventKind.SEND, second))
            .getMessage());
    assertEquals(
        "the stall bound must be positive, got PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> new OrderingChecker(EventKind.DELIVERY, Duration.ZERO))
            .getMessage());
  }

  @Test
  void countsAndFractionsComeInAStableOrder() {
    Verdict v = CHECKER.check(new TestTrace().send("a", 0).deliver("a", 0).snapshot());
    assertEquals(
        List.of(
            "streams",
            "sent",
            "arrived",
            "ok",
            "lost",
            "allowed-lost",
            "duplicated",
            "out-of-order",
            "phantom",
            "stalled",
            "resent",
            "worst-wait-ns"),
        List.copyOf(v.counts().keySet()));
    assertEquals(
        List.of("ok", "lost", "allowed-lost", "duplicated", "out-of-order", "phantom", "stalled"),
        List.copyOf(v.fractions().keySet()));
    assertEquals(
        "ordering/delivery has no count \"losses\"; its counts are " + v.counts().keySet(),
        assertThrows(IllegalArgumentException.class, () -> v.count("losses")).getMessage());
  }

  @Test
  void checkingTwiceGivesTheSameVerdict() {
    TestTrace t = new TestTrace().sendRange("a", 0, 9).deliver("a", 3, 2, 1);
    TraceSnapshot snapshot = t.snapshot();
    assertEquals(CHECKER.check(snapshot).toJson(), CHECKER.check(snapshot).toJson());
    assertFalse(CHECKER.check(snapshot).status().passed());
  }

  static List<Long> indexes(List<TraceEvent> events) {
    return events.stream().map(TraceEvent::index).toList();
  }
}

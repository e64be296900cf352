package dev.weir.harness.check;

import static dev.weir.harness.transport.Backpressure.Policy.BLOCK;
import static dev.weir.harness.transport.Backpressure.Policy.DROP_NEWEST;
import static dev.weir.harness.transport.Backpressure.Policy.DROP_OLDEST;
import static dev.weir.harness.transport.Backpressure.Policy.LATEST_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.transport.Backpressure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each defect the backpressure checker judges, the first violation it names and its context. */
class BackpressureCheckerTest {

  private static final int WINDOW = 16;

  private static BackpressureChecker checker(Backpressure.Policy policy, int maxInFlight) {
    return new BackpressureChecker(policy, maxInFlight, 1 << 20, Duration.ZERO);
  }

  /**
   * Sends {@code count} messages on "a" behind a window of {@link #WINDOW}: before each send past
   * the window the page consumes the oldest, at that moment; the page's reports are appended in
   * batches of {@code batch}, after the later sends. Then the rest is consumed and the stream ends.
   */
  private static TestTrace keepingUp(int count, int batch) {
    TestTrace t = new TestTrace();
    List<long[]> unreported = new ArrayList<>();
    for (int sequence = 0; sequence < count; sequence++) {
      if (sequence >= WINDOW) {
        unreported.add(new long[] {sequence - WINDOW, t.nowNs()});
      }
      t.send("a", sequence);
      if (unreported.size() >= batch) {
        report(t, unreported);
      }
    }
    for (long sequence = Math.max(0, count - WINDOW); sequence < count; sequence++) {
      unreported.add(new long[] {sequence, t.nowNs()});
    }
    report(t, unreported);
    return t.end("a", count);
  }

  private static void report(TestTrace t, List<long[]> consumes) {
    for (long[] consume : consumes) {
      t.consumeAt("a", consume[0], consume[1]);
    }
    consumes.clear();
  }

  @Nested
  class Passing {

    @Test
    void aBlockWindowOf16WithConsumesKeepingUpIsOk() {
      Verdict v = checker(BLOCK, WINDOW).check(keepingUp(200, 1).snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals("backpressure", v.checker());
      assertEquals(1, v.count("streams"));
      assertEquals(200, v.count("sends"));
      assertEquals(200, v.count("consumed"));
      assertEquals(0, v.count("drops"));
      assertEquals(0, v.count("unaccounted"));
      assertEquals(WINDOW, v.count("max-in-flight"));
      assertEquals(WINDOW * 8, v.count("max-in-flight-bytes"));
      assertEquals(1.0, v.fraction("consumed"));
      assertTrue(v.firstViolation().isEmpty());
    }

    @Test
    void consumesAppendedLateInBatchesAreReadByTheirPageTime() {
      TestTrace t = keepingUp(200, 10);
      // Index order alone would see up to 16 + 10 in flight.
      Verdict v = checker(BLOCK, WINDOW).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(WINDOW, v.count("max-in-flight"));
      assertEquals(200, v.count("consumed"));
    }

    @Test
    void aConsumeReportedBeforeItsSendIsMatchedBySequence() {
      TestTrace t = new TestTrace().send("a", 0);
      long consumedNs = t.nowNs() + TestTrace.TICK_NS; // the send of 1's time
      t.consumeAt("a", 1, consumedNs).consumeAt("a", 0, t.nowNs()).send("a", 1).end("a", 2);
      Verdict v = checker(BLOCK, 1).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(2, v.count("consumed"));
      assertEquals(1, v.count("max-in-flight"));
    }

    @Test
    void aStreamThatHasNotEndedMayStillHaveMessagesInFlight() {
      TestTrace t = new TestTrace().sendRange("a", 0, 3);
      Verdict v = checker(BLOCK, WINDOW).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(0, v.count("unaccounted"));
    }

    @Test
    void anEmptyTraceIsInconclusiveWithNothingCounted() {
      Verdict v = checker(BLOCK, WINDOW).check(new TestTrace().snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status());
      assertTrue(v.summary().startsWith(
          "INCONCLUSIVE: nothing was sent: there was no window to judge."), v::summary);
      assertEquals(0, v.count("streams"));
      assertTrue(Double.isNaN(v.fraction("dropped")), "a share of nothing sent");
    }

    @Test
    void messagesLongInFlightWhileNewerAreDroppedAreStillAccountedFor() {
      // A stalled consumer under drop-newest: 4 in flight while 1,000 newer are dropped, far past
      // the checker's ring of 64 sequences; then the page consumes the 4.
      TestTrace t = new TestTrace();
      for (int sequence = 0; sequence < 1_004; sequence++) {
        t.sendSized("a", sequence, 100 + sequence % 3);
        if (sequence >= 4) {
          t.dropFor("a", sequence, "drop-newest");
        }
      }
      for (int sequence = 0; sequence < 4; sequence++) {
        t.consumeAt("a", sequence, t.nowNs());
      }
      t.sendSized("a", 1_004, 100).consumeAt("a", 1_004, t.nowNs()).end("a", 1_005);
      // At each dropped send: 0-3 (403 bytes) and the one being sent (at most 102).
      Verdict v = new BackpressureChecker(DROP_NEWEST, 5, 505, Duration.ZERO).check(t.snapshot());
      assertEquals(Status.NON_STRICT, v.status(), v::summary);
      assertEquals(1_000, v.count("drops"));
      assertEquals(5, v.count("consumed"));
      assertEquals(0, v.count("unaccounted"));
      assertEquals(5, v.count("max-in-flight"));
      assertEquals(505, v.count("max-in-flight-bytes"));
    }
  }

  @Nested
  class Bounds {

    @Test
    void unboundedGrowthFailsOverWindowAtTheSendThatFirstExceededIt() {
      TestTrace t = new TestTrace().sendRange("a", 0, 39); // events 0-39, nothing consumed
      Verdict v = checker(BLOCK, WINDOW).check(t.snapshot());
      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("over-window", violation.defect());
      assertEquals(16, violation.event().index());
      assertEquals(16, violation.event().sequence());
      assertEquals(
          "17 messages were in flight at the send of sequence 16; the most at any send was 40",
          violation.actual());
      assertEquals(40, v.count("max-in-flight"));
      assertEquals(24, v.count("sends-over-window"));
      assertEquals(List.of(11L, 12L, 13L, 14L, 15L), indices(violation.before()));
      assertEquals(List.of(17L, 18L, 19L, 20L, 21L), indices(violation.after()));
    }

    @Test
    void aFrontendThatAcknowledgesButDoesNotConsumeShowsAsGrowth() {
      // The transport saw acknowledgements (deliveries) for all; the application consumed few.
      TestTrace t = new TestTrace();
      for (int sequence = 0; sequence < 30; sequence++) {
        t.send("a", sequence).deliver("a", sequence);
      }
      Verdict v = checker(BLOCK, WINDOW + 1).check(t.snapshot());
      assertEquals("over-window", v.firstViolation().orElseThrow().defect());
      assertEquals(17, v.firstViolation().orElseThrow().event().sequence());
    }

    @Test
    void bytesInFlightOverTheBoundFailOverBytesAndConsumesGiveThemBack() {
      TestTrace t = new TestTrace().sendSized("a", 0, 100).sendSized("a", 1, 100);
      t.consumeAt("a", 0, t.nowNs()).sendSized("a", 2, 100); // 200 in flight: fine
      t.sendSized("a", 3, 60); // event 4: 260 in flight
      Verdict v = new BackpressureChecker(BLOCK, WINDOW, 250, Duration.ZERO).check(t.snapshot());
      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("over-bytes", violation.defect());
      assertEquals(4, violation.event().index());
      assertEquals("at most 250 payload bytes in flight at any send", violation.expected());
      assertEquals(
          "260 bytes were in flight at the send of sequence 3; the most at any send was 260",
          violation.actual());
      assertEquals(0, v.count("sends-over-window"));
    }

    @Test
    void aConsumeTimedExactlyTheToleranceAfterASendCountsBeforeIt() {
      assertEquals(Status.OK, consumedAfterSecondSendBy(5_000).status());
      Verdict late = consumedAfterSecondSendBy(5_001);
      assertEquals("over-window", late.firstViolation().orElseThrow().defect());
      assertEquals(1, late.firstViolation().orElseThrow().event().index());
    }

    /** Sends 0 and 1 with room for one in flight; 0 is consumed {@code lateNs} after 1's send. */
    private Verdict consumedAfterSecondSendBy(long lateNs) {
      TestTrace t = new TestTrace().send("a", 0, 1);
      t.pause(1_000_000).consumeAt("a", 0, 2 * TestTrace.TICK_NS + lateNs);
      t.consumeAt("a", 1, t.nowNs()).end("a", 2);
      return new BackpressureChecker(BLOCK, 1, 1 << 20, Duration.ofNanos(5_000))
          .check(t.snapshot());
    }

    @Test
    void aDropRecordedAfterASendDoesNotHelpIt() {
      // drop-newest: the message over the window is in flight at its own send, then dropped.
      TestTrace t = new TestTrace().sendRange("a", 0, 1).dropFor("a", 1, "drop-newest");
      Verdict v = checker(DROP_NEWEST, 1).check(t.snapshot());
      assertEquals("over-window", v.firstViolation().orElseThrow().defect());
      assertEquals(Status.NON_STRICT, checker(DROP_NEWEST, 2).check(t.snapshot()).status());
    }
  }

  @Nested
  class Policy {

    @Test
    void aDropByAnotherWindowPolicyThanTheDeclaredOneFails() {
      TestTrace t = new TestTrace().sendRange("a", 0, 5).dropFor("a", 5, "drop-newest");
      Verdict v = checker(DROP_OLDEST, 2 * WINDOW + 1).check(t.snapshot());
      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("policy-violated", violation.defect());
      assertEquals(6, violation.event().index());
      assertEquals("drops only by the declared policy, drop-oldest", violation.expected());
      assertEquals("sequence 5 was dropped by drop-newest", violation.actual());
      assertEquals(1, v.count("policy-violations"));
    }

    @Test
    void anyWindowDropUnderBlockFails() {
      for (String detail : List.of("drop-oldest", "drop-newest", "latest-only", "block")) {
        TestTrace t = new TestTrace().sendRange("a", 0, 2).dropFor("a", 1, detail);
        Violation violation = checker(BLOCK, WINDOW).check(t.snapshot()).firstViolation().orElseThrow();
        assertEquals("policy-violated", violation.defect(), detail);
        assertEquals(
            "no drop by a window policy: under block the producer waits for credit",
            violation.expected());
      }
    }

    @Test
    void faultAndResumeBufferDropsAreNotTheWindowsAndAccountForTheirMessages() {
      TestTrace t = new TestTrace().sendRange("a", 0, 2).dropFor("a", 0, "fault");
      t.dropFor("a", 1, "resume-buffer").consumeAt("a", 2, t.nowNs()).end("a", 3);
      Verdict v = checker(BLOCK, WINDOW).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(0, v.count("drops"));
      assertEquals(2, v.count("other-drops"));
      assertEquals(0, v.count("unaccounted"));
    }

    @Test
    void dropsByTheDeclaredPolicyAreAllowedAndShowTheFirst() {
      TestTrace t = new TestTrace().sendRange("a", 0, 3).dropFor("a", 1, "drop-oldest");
      t.dropFor("a", 2, "drop-oldest").consumeAt("a", 0, t.nowNs()).consumeAt("a", 3, t.nowNs());
      Verdict v = checker(DROP_OLDEST, WINDOW).check(t.end("a", 4).snapshot());
      assertEquals(Status.NON_STRICT, v.status(), v::summary);
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("dropped", violation.defect());
      assertEquals(4, violation.event().index());
      assertEquals("sequence 1 was dropped by drop-oldest, as declared", violation.actual());
      assertEquals(2, v.count("drops"));
      assertEquals(0.5, v.fraction("dropped"));
    }
  }

  @Nested
  class Accounting {

    @Test
    void aMessageSilentlyDiscardedOnAnEndedStreamIsUnaccountedNamedByItsSend() {
      TestTrace t = new TestTrace().sendRange("a", 0, 4); // events 0-4
      for (long sequence : new long[] {0, 1, 3, 4}) {
        t.consumeAt("a", sequence, t.nowNs());
      }
      t.consumeAt("a", 1, t.nowNs()); // a second consume of 1 does not stand in for 2
      Verdict v = checker(BLOCK, WINDOW).check(t.end("a", 5).snapshot());
      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("unaccounted", violation.defect());
      assertEquals(2, violation.event().index());
      assertEquals(EventKind.SEND, violation.event().kind());
      assertEquals(
          "every message sent on an ended stream is consumed, or a drop event accounts for it",
          violation.expected());
      assertEquals(
          "1 message sent on stream \"a\" was neither consumed nor dropped by the end of the"
              + " trace, the first sequence 2",
          violation.actual());
      assertEquals(1, v.count("unaccounted"));
      assertEquals(4, v.count("consumed"));
    }

    @Test
    void underLatestOnlyTheNewestNeverConsumedFails() {
      TestTrace t = new TestTrace().sendRange("a", 0, 4); // events 0-4
      t.dropFor("a", 1, "latest-only").dropFor("a", 2, "latest-only").dropFor("a", 3, "latest-only");
      t.consumeAt("a", 0, t.nowNs());
      Verdict v = checker(LATEST_ONLY, 5).check(t.end("a", 5).snapshot());
      assertEquals(Status.FAILED, v.status());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("newest-not-delivered", violation.defect());
      assertEquals(4, violation.event().index());
      assertEquals("sequence 4, the last sent, was never consumed", violation.actual());
      assertEquals(1, v.count("newest-not-delivered"));

      t.consumeAt("a", 4, t.nowNs());
      assertEquals(Status.NON_STRICT, checker(LATEST_ONLY, 5).check(t.snapshot()).status());
    }

    @Test
    void theFirstViolationIsTheLowestEventWhateverTheDefect() {
      TestTrace t = new TestTrace().sendRange("a", 0, 2).sendRange("b", 0, 20);
      t.dropFor("b", 3, "drop-newest").end("a", 3); // a's 0-2 unaccounted, named by send #0
      Verdict v = checker(BLOCK, WINDOW).check(t.snapshot());
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals("unaccounted", violation.defect());
      assertEquals(0, violation.event().index());
      assertEquals(1, v.count("policy-violations"));
      assertEquals(5, v.count("sends-over-window"), "b's sequences 16 to 20");
      assertTrue(v.summary().contains("First violation: unaccounted at event #0"), v.summary());
    }
  }

  @Test
  void theJsonReadsExactly() {
    TestTrace t = new TestTrace().send("a", 0, 1).dropFor("a", 1, "drop-newest");
    t.consumeAt("a", 0, t.nowNs()).end("a", 2);
    Verdict v = checker(BLOCK, 1).check(t.snapshot());
    assertEquals(v.toJson(), checker(BLOCK, 1).check(t.snapshot()).toJson());
    assertEquals(
        "{\"checker\":\"backpressure\",\"status\":\"FAILED\",\"summary\":\"FAILED: 2 messages"
            + " sent on 1 stream under block, bounds 1 message and 1048576 bytes in flight (clock t"
            + "olerance 0 ms); 1 consumed, 1 dropped by the window, 0 by faults or the resume buffe"
            + "r, 0 unaccounted for on ended streams. At most 2 messages (16 bytes) in flight at a "
            + "send. Found: 1 send over the message bound, 1 drop against the policy. First violati"
            + "on: over-window at event #1 (stream \\\"a\\\"): expected at most 1 message in flight"
            + " (sent, neither consumed nor dropped) at any send, but 2 messages were in flight at "
            + "the send of sequence 1; the most at any send was 2.\",\"counts\":{\"streams\":1,\"se"
            + "nds\":2,\"consumed\":1,\"drops\":1,\"other-drops\":0,\"unaccounted\":0,\"max-in-flig"
            + "ht\":2,\"max-in-flight-bytes\":16,\"sends-over-window\":1,\"sends-over-bytes\":0,\"p"
            + "olicy-violations\":1,\"newest-not-delivered\":0},\"fractions\":{\"consumed\":0.5,\"d"
            + "ropped\":0.5,\"unaccounted\":0},\"first_violation\":{\"defect\":\"over-window\",\"ex"
            + "pected\":\"at most 1 message in flight (sent, neither consumed nor dropped) at any s"
            + "end\",\"actual\":\"2 messages were in flight at the send of sequence 1; the most at "
            + "any send was 2\",\"event\":{\"index\":1,\"kind\":\"send\",\"stream\":\"a\",\"sequenc"
            + "e\":1,\"size\":8,\"virtual_ns\":1000,\"wall_ns\":2000},\"before\":[{\"index\":0,\"ki"
            + "nd\":\"send\",\"stream\":\"a\",\"sequence\":0,\"size\":8,\"virtual_ns\":0,\"wall_ns"
            + "\":1000}],\"after\":[{\"index\":2,\"kind\":\"drop\",\"stream\":\"a\",\"sequence\":1,"
            + "\"detail\":\"drop-newest\",\"wall_ns\":3000},{\"index\":3,\"kind\":\"consume\",\"str"
            + "eam\":\"a\",\"sequence\":0,\"wall_ns\":3000,\"arrival_ns\":4000},{\"inde"
            + "x\":4,\"kind\":\"end\",\"stream\":\"a\",\"sequence\":2,\"detail\":\"\",\"wall_ns\":5"
            + "000}]}}",
        v.toJson());
  }

  @Test
  void theConstructorRefusesBoundsItCannotJudgeAndSaysWhy() {
    Duration d = Duration.ZERO;
    assertEquals(
        "maxInFlight must be 1 to 16777216 messages (the window, plus what the policy lets wait),"
            + " got 0",
        assertThrows(IllegalArgumentException.class, () -> new BackpressureChecker(BLOCK, 0, 1, d))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new BackpressureChecker(BLOCK, BackpressureChecker.MAX_IN_FLIGHT + 1, 1, d));
    assertEquals(
        "maxInFlightBytes must be at least 1 byte, got 0",
        assertThrows(IllegalArgumentException.class, () -> new BackpressureChecker(BLOCK, 1, 0, d))
            .getMessage());
    assertEquals(
        "the clock tolerance must be zero or more, got PT-0.001S",
        assertThrows(
                IllegalArgumentException.class,
                () -> new BackpressureChecker(BLOCK, 1, 1, Duration.ofMillis(-1)))
            .getMessage());
    assertThrows(NullPointerException.class, () -> new BackpressureChecker(null, 1, 1, d));
    assertThrows(NullPointerException.class, () -> new BackpressureChecker(BLOCK, 1, 1, null));
    assertEquals(
        "backpressure[drop-oldest, at most 33 messages and 4096 bytes in flight, clock tolerance"
            + " 5 ms]",
        new BackpressureChecker(DROP_OLDEST, 33, 4096, Duration.ofMillis(5)).toString());
  }

  private static List<Long> indices(List<TraceEvent> events) {
    return events.stream().map(TraceEvent::index).toList();
  }
}

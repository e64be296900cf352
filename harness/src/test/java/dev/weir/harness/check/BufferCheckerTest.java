package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each defect the buffer checker judges, the first violation it names, and what passes. */
class BufferCheckerTest {

  private static final int CAPACITY = 4;
  /** Judges the buffer and its heap: what the heap tests use. */
  private static final BufferChecker CHECKER = new BufferChecker(CAPACITY, 1_000);
  /** Judges what the buffer holds only: the contents tests use it, as they sample no heap. */
  private static final BufferChecker CONTENTS = new BufferChecker(CAPACITY);

  /** A correct snapshot after {@code pushed} consumes of sequences 0, 1, 2 … */
  private static TestTrace ring(TestTrace t, String buffer, long pushed) {
    long held = Math.min(pushed, CAPACITY);
    return t.buffer(
        buffer,
        pushed,
        Math.max(0, pushed - CAPACITY),
        LongStream.range(pushed - held, pushed).toArray());
  }

  private static Violation failed(Verdict v, String defect, long index) {
    assertEquals(Status.FAILED, v.status(), v::summary);
    Violation violation = v.firstViolation().orElseThrow();
    assertEquals(defect, violation.defect(), v::summary);
    assertEquals(index, violation.event().index(), v::summary);
    assertEquals(1, v.count(defect), v::summary);
    return violation;
  }

  @Nested
  class Passing {

    @Test
    void aCorrectRingOverThreeTimesItsCapacityIsOk() {
      TestTrace t = new TestTrace();
      for (int pushed = 3; pushed <= 12; pushed += 3) {
        t.consumeRange("a", pushed - 3, pushed - 1);
        ring(t, "a", pushed);
      }
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertTrue(v.firstViolation().isEmpty());
      assertEquals(1, v.count("buffers"));
      assertEquals(4, v.count("snapshots"));
      assertEquals(4, v.count("snapshots-correct"));
      assertEquals(3 + 4 + 4 + 4, v.count("items-checked"));
      assertEquals(12, v.count("consumed"));
      assertEquals(4, v.count("max-held"));
      assertEquals(0, v.count("unverifiable"));
      assertEquals(1.0, v.fraction("snapshots-correct"));
      assertTrue(
          v.summary()
              .startsWith(
                  "OK: 1 buffer of capacity 4, 4 snapshots over 12"
                      + " consumed messages; 4 snapshots correct (100.0%), 15 items compared"),
          v::summary);
      assertTrue(v.summary().contains("Heap not judged: no memory tolerance was declared."),
          v::summary);
    }

    @Test
    void aFullBufferWhoseHeapWasNotSampledIsInconclusiveWhenMemoryIsJudged() {
      // Ledger: "Heap not judged" inside an OK was a pass that judged nothing of memory.
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      ring(t, "a", 6);
      t.gauge("page", "js-heap-bytes", 1_000); // one sample after full: growth needs two
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status(), v::summary);
      assertTrue(v.summary().startsWith("INCONCLUSIVE: the buffers filled, but the heap was"
          + " sampled 1 time after that, and its growth needs 2."), v::summary);
      assertEquals(Status.OK, CONTENTS.check(t.snapshot()).status());
    }

    @Test
    void theBufferHoldsConsumesInConsumptionOrderWhateverTheirSequences() {
      TestTrace t = new TestTrace().consume("a", 0, 1, 2, 4, 5, 7); // 3 and 6 never came
      t.buffer("a", 6, 2, 2, 4, 5, 7);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(4, v.count("items-checked"));
    }

    @Test
    void aSnapshotRecordedBeforeItsConsumesIsJudgedWhenTheyCome() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      ring(t, "a", 8); // its report overtook the consumes of 6 and 7
      t.consume("b", 0).consumeRange("a", 6, 9);
      ring(t, "a", 10);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(8, v.count("items-checked"), "both snapshots' items, the early one's too");
      assertEquals(1, v.count("unbuffered-streams"));
      assertEquals(10, v.count("consumed"), "only the buffered stream's");
    }

    @Test
    void aSnapshotRecordedAfterLaterConsumesIsJudgedAgainstThePushesItReports() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 9);
      ring(t, "a", 6);
      ring(t, "a", 10);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(8, v.count("items-checked"));
    }

    @Test
    void twoBuffersAreJudgedEachAgainstItsOwnStream() {
      TestTrace t = new TestTrace().consume("a", 0, 1).consume("b", 10, 11, 12);
      t.buffer("b", 3, 0, 10, 11, 12).buffer("a", 2, 0, 0, 1);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(2, v.count("buffers"));
      assertEquals(5, v.count("consumed"));
    }

    @Test
    void aDeclaredMemoryWhoseBuffersNeverFilledIsInconclusive() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 2);
      ring(t, "a", 3);
      t.gauge("page", "js-heap-bytes", 1_000).gauge("page", "js-heap-bytes", 1_000);
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status(), v::summary);
      assertTrue(v.summary().startsWith("INCONCLUSIVE: memory once the buffers are full was"
          + " declared, but they never filled."), v::summary);
    }

    @Test
    void anEmptyTraceIsInconclusiveNotAPass() {
      Verdict v = CHECKER.check(new TestTrace().snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status());
      assertTrue(v.summary().startsWith("INCONCLUSIVE: nothing was consumed and no buffer was"
          + " reported: there was nothing to judge."), v::summary);
      assertEquals(0, v.count("buffers"));
      assertTrue(Double.isNaN(v.fraction("snapshots-correct")));
    }

    @Test
    void aSnapshotWhoseItemsLeftTheRingIsCountedUnverifiableNotFailed() {
      int past = BufferStream.SLACK * 2 + 100; // beyond capacity + slack, rounded up to 2^17
      TestTrace t = new TestTrace().consumeRange("a", 0, 3).consumeRange("a", 4, past - 1);
      ring(t, "a", 4); // recorded after `past` consumes: its items are gone
      ring(t, "a", past);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(1, v.count("unverifiable"));
      assertEquals(2, v.count("snapshots-correct"));
      assertEquals(4, v.count("items-checked"), "the last snapshot's only");
      assertTrue(v.summary().contains("1 snapshot had items whose consumes"), v::summary);
    }

    @Test
    void moreSnapshotsAheadThanTheQueueHoldsAreCountedAndTheRestStillJudged() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 3);
      for (int k = 1; k <= BufferPending.LIMIT + 1; k++) {
        ring(t, "a", 4 + k); // each one more push ahead of the consumes
      }
      t.consumeRange("a", 4, 4 + BufferPending.LIMIT + 1);
      ring(t, "a", 5 + BufferPending.LIMIT + 1);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(1, v.count("pending-overflow"));
      assertEquals(1, v.count("unverifiable"));
      assertEquals(BufferPending.LIMIT + 2, v.count("snapshots-correct"));
    }

    @Test
    void theHeapMayGrowWithinTheToleranceAndIsJudgedOnlyOnceTheBufferIsFull() {
      TestTrace t = new TestTrace().gauge("page", "js-heap-bytes", 1_000).consumeRange("a", 0, 4);
      t.gauge("page", "js-heap-bytes", 5_000); // still filling: not counted
      ring(t, "a", 5);
      t.gauge("page", "js-heap-bytes", 10_000).gauge("page", "listeners", 99_999);
      t.consumeRange("a", 5, 9).gauge("page", "js-heap-bytes", 11_000);
      ring(t, "a", 10);
      Verdict v = CHECKER.check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(2, v.count("heap-samples"));
      assertEquals(1_000, v.count("heap-growth-bytes"));
      assertTrue(
          v.summary()
              .contains(
                  "Heap: 2 js-heap-bytes samples after the buffers were full,"
                      + " grew 1000 bytes (tolerance 1000)"),
          v::summary);
    }
  }

  @Nested
  class FirstViolation {

    @Test
    void overCapacityNamesTheSnapshot() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 4); // events 0-4
      t.buffer("a", 5, 1, 0, 1, 2, 3, 4); // 5, items 6-10
      Violation violation = failed(CONTENTS.check(t.snapshot()), "over-capacity", 5);
      assertEquals("buffer \"a\" holds at most 4 items", violation.expected());
      assertEquals("it held 5 items after 5 pushes", violation.actual());
      assertEquals(EventKind.BUFFER, violation.event().kind());
      assertEquals(5, violation.event().held());
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L), sequences(violation.before()));
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L), sequences(violation.after()), "its items");
    }

    @Test
    void wrongEvictionsNamesTheSnapshot() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      t.buffer("a", 6, 1, 2, 3, 4, 5);
      Verdict v = CONTENTS.check(t.snapshot());
      Violation violation = failed(v, "wrong-evictions", 6);
      assertEquals("after 6 pushes a buffer of capacity 4 has evicted 2", violation.expected());
      assertEquals("it reported 1 evictions", violation.actual());
      assertEquals(0, v.count("wrong-items"));
    }

    @Test
    void missingItemsNamesTheSnapshotThatHoldsFewer() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      t.buffer("a", 6, 2, 3, 4, 5);
      Verdict v = CONTENTS.check(t.snapshot());
      Violation violation = failed(v, "missing-items", 6);
      assertEquals("after 6 pushes the buffer holds 4 items", violation.expected());
      assertEquals(0, v.count("wrong-items"), "the three it holds are the newest");
    }

    @Test
    void evictingTheWrongEndIsWrongItemsAtTheFirstWrongItem() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      t.buffer("a", 6, 2, 0, 1, 2, 3); // kept the oldest: buffer event 6, items 7-10
      Verdict v = CONTENTS.check(t.snapshot());
      Violation violation = failed(v, "wrong-items", 7);
      assertEquals(EventKind.BUFFER_ITEM, violation.event().kind());
      assertEquals(
          "the buffer holds, oldest first, the last 4 of the first 6 sequences consumed: position 0"
              + " is sequence 2",
          violation.expected());
      assertEquals("position 0 holds sequence 0", violation.actual());
      assertEquals(0, v.count("snapshots-correct"));
    }

    @Test
    void reorderedItemsAreWrongItemsAtTheFirstOutOfPlace() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5);
      t.buffer("a", 6, 2, 2, 3, 5, 4); // items 7-10
      failed(CONTENTS.check(t.snapshot()), "wrong-items", 9);
    }

    @Test
    void aWrongItemOfASnapshotRecordedBeforeItsConsumesIsNamedByThatItem() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 3); // 0-3
      t.buffer("a", 6, 2, 2, 3, 5, 4); // 4, items 5-8: 5 and 4 not consumed yet
      t.consumeRange("a", 4, 5); // 9-10
      t.buffer("a", 6, 2, 3, 4, 5); // 11: missing-items, a later event
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals("wrong-items", v.firstViolation().orElseThrow().defect());
      assertEquals(7, v.firstViolation().orElseThrow().event().index());
      assertEquals(1, v.count("wrong-items"), "counted once for the snapshot");
      assertEquals(1, v.count("missing-items"));
      assertEquals(2, v.count("snapshots") - v.count("snapshots-correct"));
    }

    @Test
    void aSnapshotAheadOfEveryConsumeIsSnapshotAhead() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 5); // 0-5
      ring(t, "a", 8); // 6
      Verdict v = CONTENTS.check(t.snapshot());
      Violation violation = failed(v, "snapshot-ahead", 6);
      assertEquals("a snapshot reports 8 pushes, but only 6 were consumed", violation.actual());
      assertEquals(0, v.count("final-snapshot-behind"));
    }

    @Test
    void aLastSnapshotBehindTheConsumesIsFinalSnapshotBehind() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 1);
      ring(t, "a", 2); // 2
      ring(t, "a", 2).consumeRange("a", 2, 3); // 5, 6-7: consumed after the last report
      Violation violation = failed(CONTENTS.check(t.snapshot()), "final-snapshot-behind", 5);
      assertEquals("the last snapshot reports 2 pushes, but 4 were consumed", violation.actual());
    }

    @Test
    void consumesWithoutAnySnapshotAreNoSnapshotAtTheFirstConsume() {
      TestTrace t = new TestTrace().lifecycle(EventKind.OPEN, "a", "subscribe");
      t.consumeRange("a", 0, 2);
      Violation violation = failed(CONTENTS.check(t.snapshot()), "no-snapshot", 1);
      assertEquals(
          "3 messages were consumed and no buffer snapshot was reported", violation.actual());
      assertEquals(1, violation.before().size());
    }

    @Test
    void heapGrowthBeyondTheToleranceOnceFullIsMemoryGrowthAtTheLastSample() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 3); // 0-3
      ring(t, "a", 4); // 4
      t.gauge("page", "js-heap-bytes", 10_000).consumeRange("a", 4, 7); // 9, 10-13
      t.gauge("page", "js-heap-bytes", 10_500).gauge("page", "js-heap-bytes", 11_001); // 14, 15
      ring(t, "a", 8);
      Verdict v = CHECKER.check(t.snapshot());
      Violation violation = failed(v, "memory-growth", 15);
      assertEquals(
          "the page's heap grows by at most 1000 bytes once the buffers are full",
          violation.expected());
      assertEquals("it grew by 1001 bytes, from 10000 to 11001 bytes", violation.actual());
      assertEquals("page", violation.event().stream());
      assertEquals(3, v.count("heap-samples"));
    }

    @Test
    void aFullSnapshotRecordedLateStillStartsTheHeapAtItsPageTime() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 3).pause(TestTrace.TICK_NS); // 0-3
      long fullNs = t.nowNs();
      t.gauge("page", "js-heap-bytes", 2_000).gauge("page", "js-heap-bytes", 9_000); // 4, 5
      t.consume("a", 4).bufferTakenAt("a", fullNs, 4, 0, 0, 1, 2, 3); // reported after both
      ring(t, "a", 5);
      Verdict v = CHECKER.check(t.snapshot());
      failed(v, "memory-growth", 5);
      assertEquals(7_000, v.count("heap-growth-bytes"));
    }

    @Test
    void theEarliestEventWinsWhateverWasFoundFirst() {
      TestTrace t = new TestTrace().consumeRange("a", 0, 3); // 0-3
      t.buffer("a", 5, 1, 1, 2, 3, 9); // 4, items 5-8: item 8 wrong, known only at consume 4
      t.buffer("a", 4, 1, 0, 1, 2, 3); // 9: wrong evictions, found first
      t.consume("a", 4);
      ring(t, "a", 5);
      Verdict v = CONTENTS.check(t.snapshot());
      assertEquals("wrong-items", v.firstViolation().orElseThrow().defect(), v::summary);
      assertEquals(8, v.firstViolation().orElseThrow().event().index());
      assertTrue(v.summary().contains("Found: 1 wrong-evictions, 1 wrong-items."), v::summary);
    }
  }

  @Nested
  class Configuration {

    @Test
    void theCapacityMustBeOneToTheMaximum() {
      for (int capacity : new int[] {0, -1, BufferChecker.MAX_CAPACITY + 1}) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> new BufferChecker(capacity, 0));
        assertEquals(
            "the buffer's capacity must be 1 to "
                + BufferChecker.MAX_CAPACITY
                + " items, got "
                + capacity,
            e.getMessage());
      }
      new BufferChecker(BufferChecker.MAX_CAPACITY, 0); // its ring fits in an array
    }

    @Test
    void theToleranceMustNotBeNegative() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new BufferChecker(1, -1));
      assertEquals("the memory tolerance must be >= 0 bytes, got -1", e.getMessage());
    }

    @Test
    void itIsNamedBuffer() {
      assertEquals("buffer", CHECKER.name());
      assertEquals("buffer[capacity 4, heap tolerance 1000 bytes]", CHECKER.toString());
      assertEquals("buffer[capacity 4]", CONTENTS.toString());
    }
  }

  @Test
  void aFailedVerdictReadsTheSameJsonEveryTime() {
    TestTrace t = new TestTrace().consumeRange("a", 0, 2);
    t.buffer("a", 3, 0, 1, 0, 2);
    Verdict v = CONTENTS.check(t.snapshot());
    assertEquals(v.toJson(), CONTENTS.check(t.snapshot()).toJson());
    assertEquals(
        "{\"checker\":\"buffer\",\"status\":\"FAILED\",\"summary\":\"FAILED: 1 buffer of "
            + "capacity 4, 1 snapshot over 3 consumed messages; 0 snapshots correct (0.0%), 3 i"
            + "tems compared with the consumes, at most 3 held. Found: 1 wrong-items. Heap not "
            + "judged: no memory tolerance was declared. First vio"
            + "lation: wrong-items at event #4 (stream \\\"a\\\"): expected the buffer holds, o"
            + "ldest first, the last 3 of the first 3 sequences consumed: position 0 is sequenc"
            + "e 0, but position 0 holds sequence 1.\",\"counts\":{\"buffers\":1,\"snapshots\":"
            + "1,\"snapshots-correct\":0,\"items-checked\":3,\"consumed\":3,\"max-held\":3,\"un"
            + "verifiable\":0,\"pending-overflow\":0,\"unbuffered-streams\":0,\"no-snapshot\":0"
            + ",\"over-capacity\":0,\"wrong-evictions\":0,\"missing-items\":0,\"snapshot-ahead\""
            + ":0,\"final-snapshot-behind\":0,\"wrong-items\":1,\"memory-growth\":0,\"heap-samp"
            + "les\":0,\"heap-growth-bytes\":0},\"fractions\":{\"snapshots-correct\":0},\"first"
            + "_violation\":{\"defect\":\"wrong-items\",\"expected\":\"the buffer holds, oldest"
            + " first, the last 3 of the first 3 sequences consumed: position 0 is sequence 0\""
            + ",\"actual\":\"position 0 holds sequence 1\""
            + ",\"event\":{\"index\":4,\"kind\":\"buffer-item\",\"stream\":\"a\",\"position\":0,"
            + "\"sequence\":1,\"wall_ns\":4000},\"before\":["
            + "{\"index\":0,\"kind\":\"consume\",\"stream\":\"a\",\"sequence\":0,\"wall_ns\":1000,"
            + "\"arrival_ns\":1000},"
            + "{\"index\":1,\"kind\":\"consume\",\"stream\":\"a\",\"sequence\":1,\"wall_ns\":2000,"
            + "\"arrival_ns\":2000},"
            + "{\"index\":2,\"kind\":\"consume\",\"stream\":\"a\",\"sequence\":2,\"wall_ns\":3000,"
            + "\"arrival_ns\":3000},"
            + "{\"index\":3,\"kind\":\"buffer\",\"stream\":\"a\",\"pushed\":3,\"evictions\":0,"
            + "\"held\":3,\"wall_ns\":4000}],\"after\":["
            + "{\"index\":5,\"kind\":\"buffer-item\",\"stream\":\"a\",\"position\":1,"
            + "\"sequence\":0,\"wall_ns\":4000},"
            + "{\"index\":6,\"kind\":\"buffer-item\",\"stream\":\"a\",\"position\":2,"
            + "\"sequence\":2,\"wall_ns\":4000}]}}",
        v.toJson());
  }

  private static List<Long> sequences(List<TraceEvent> events) {
    return events.stream().map(TraceEvent::sequence).toList();
  }
}

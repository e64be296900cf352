package dev.weir.harness.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.pacing.ManualWallClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording and reading one thread's events: fields, filters, counts, snapshots. */
class TraceTest {

  private static final long A = TraceEvent.ABSENT;

  @Test
  void everyKindReadsBackWithItsOwnFieldsAndAbsentMarkers() {
    String odd = "wëird \"name\"\\\n";
    List<TraceEvent> expected =
        List.of(
            new TraceEvent(0, EventKind.CONNECT_ATTEMPT, "accel", A, -1, 1000, A, 1000, "token ok"),
            new TraceEvent(1, EventKind.OPEN, "accel", A, -1, 2000, A, 2000, ""),
            new TraceEvent(2, EventKind.SEND, "accel", 0, 16, 3000, 0, 3000, ""),
            new TraceEvent(3, EventKind.SEND, odd, 0, 1 << 20, 4000, 1_000_000, 4000, ""),
            new TraceEvent(4, EventKind.FAULT, "accel", 0, -1, 5000, A, 5000, "reorder"),
            new TraceEvent(5, EventKind.DROP, odd, 0, -1, 6000, A, 6000, "drop-oldest"),
            new TraceEvent(6, EventKind.DELIVERY, "accel", 0, 16, 2500, A, 7000, ""),
            new TraceEvent(7, EventKind.REFUSAL, odd, A, -1, 8000, A, 8000, "down"),
            new TraceEvent(8, EventKind.END, "accel", 1, -1, 9000, A, 9000, "sent 1"),
            new TraceEvent(9, EventKind.CLOSE, "accel", A, -1, 10000, A, 10000, "backend"));
    TraceSnapshot snapshot = SampleTraces.everyKind().snapshot();
    assertEquals(expected, snapshot.events(EventFilter.all()));
    assertEquals(List.of("accel", odd), snapshot.streams());
  }

  @Test
  void streamIdsAreDenseInRegistrationOrderAndStableByName() {
    Trace trace = Trace.start();
    assertEquals(0, trace.stream("a"));
    assertEquals(1, trace.stream("b"));
    assertEquals(0, trace.stream("a"));
    assertEquals(2, trace.stream("c"));
    assertEquals(List.of("a", "b", "c"), trace.snapshot().streams());
  }

  @Test
  void wallTimesCountFromTheStartOnTheTracesClock() {
    ManualWallClock clock = new ManualWallClock(7_000_000_000L);
    Trace trace = Trace.start(clock);
    int s = trace.stream("s");
    clock.advance(42);
    assertEquals(42, trace.nowNs());
    trace.send(s, 0, 1, 99);
    clock.advance(8);
    trace.delivery(s, 0, 1, 45);
    TraceCursor c = trace.snapshot().cursor();
    assertTrue(c.next());
    assertEquals(42, c.wallNs());
    assertEquals(99, c.virtualNs());
    assertTrue(c.next());
    assertEquals(45, c.wallNs());
    assertEquals(50, c.arrivalNs());
  }

  @Test
  void filtersSelectByKindAndStreamInAppendOrder() {
    TraceSnapshot snapshot = SampleTraces.everyKind().snapshot();
    List<Long> indexes = new ArrayList<>();
    TraceCursor c =
        snapshot.cursor(
            EventFilter.of(EventKind.SEND, EventKind.DROP, EventKind.END).onStream("accel"));
    while (c.next()) {
      indexes.add(c.index());
    }
    assertEquals(List.of(2L, 8L), indexes);
    assertEquals(2, snapshot.count(EventFilter.of(EventKind.SEND)));
    assertEquals(3, snapshot.count(EventFilter.all().onStream("wëird \"name\"\\\n")));
    assertEquals(
        0, snapshot.count(EventFilter.of(EventKind.DELIVERY).onStream("wëird \"name\"\\\n")));
  }

  @Test
  void countsPerKindIncludeKindsWithoutEvents() {
    Trace trace = SampleTraces.many(1000);
    Map<EventKind, Long> counts = trace.snapshot().counts();
    assertEquals(List.of(EventKind.values()), List.copyOf(counts.keySet()));
    assertEquals(400L, counts.get(EventKind.SEND));
    assertEquals(400L, counts.get(EventKind.DELIVERY));
    assertEquals(200L, counts.get(EventKind.DROP));
    assertEquals(0L, counts.get(EventKind.OPEN));
    assertEquals(200, trace.snapshot().count(EventKind.DROP));
  }

  @Test
  void aSnapshotIsUnchangedByLaterAppendsAcrossChunkBoundaries() {
    // 256 fills the first chunk before it grows; 8192 fills it before the second chunk starts.
    for (int cut : new int[] {256, 8192, 8193}) {
      Trace trace = SampleTraces.many(cut);
      TraceSnapshot before = trace.snapshot();
      List<TraceEvent> expected = before.events(EventFilter.all());
      int s = trace.stream("late");
      for (int i = 0; i < 20_000; i++) {
        trace.send(s, i, 1, i);
      }
      assertEquals(cut, before.size());
      assertEquals(expected, before.events(EventFilter.all()));
      assertEquals(List.of("a", "b", "c"), before.streams());
      assertEquals(expected, trace.snapshot().events(EventFilter.all()).subList(0, cut));
    }
  }

  @Test
  void aCursorRefusesReadsOutsideTheEvents() {
    Trace trace = SampleTraces.many(1);
    TraceCursor c = trace.snapshot().cursor();
    assertEquals(
        "no current event: call next() first",
        assertThrows(IllegalStateException.class, c::kind).getMessage());
    assertTrue(c.next());
    assertFalse(c.next());
    String past = "no current event: next() returned false, the cursor is past the last event";
    assertEquals(past, assertThrows(IllegalStateException.class, c::wallNs).getMessage());
    TraceCursor empty = Trace.start().snapshot().cursor();
    assertFalse(empty.next());
    assertEquals(past, assertThrows(IllegalStateException.class, empty::detail).getMessage());
  }
}

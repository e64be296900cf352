package dev.weir.harness.trace;

import static dev.weir.harness.trace.EventKind.BUFFER;
import static dev.weir.harness.trace.EventKind.BUFFER_ITEM;
import static dev.weir.harness.trace.EventKind.CLOCK;
import static dev.weir.harness.trace.EventKind.CLOSE;
import static dev.weir.harness.trace.EventKind.CONNECT_ATTEMPT;
import static dev.weir.harness.trace.EventKind.CONSUME;
import static dev.weir.harness.trace.EventKind.DELIVERY;
import static dev.weir.harness.trace.EventKind.DROP;
import static dev.weir.harness.trace.EventKind.END;
import static dev.weir.harness.trace.EventKind.FAULT;
import static dev.weir.harness.trace.EventKind.GAUGE;
import static dev.weir.harness.trace.EventKind.LAG;
import static dev.weir.harness.trace.EventKind.LOSS_HEARD;
import static dev.weir.harness.trace.EventKind.OPEN;
import static dev.weir.harness.trace.EventKind.RECONNECT;
import static dev.weir.harness.trace.EventKind.REFUSAL;
import static dev.weir.harness.trace.EventKind.SEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.pacing.ManualWallClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording and reading one thread's events: fields, filters, counts, snapshots. */
class TraceTest {

  private static final long A = TraceEvent.ABSENT;

  // Expected events by kind: the fields a kind has are given, every other one is absent.

  private static TraceEvent send(long i, String s, long seq, int size, long wall, long virtual) {
    return new TraceEvent(i, SEND, s, seq, size, wall, virtual, wall, "", A, A, -1, -1, A, A, A);
  }

  private static TraceEvent delivery(long i, String s, long seq, int size, long wall, long arr) {
    return new TraceEvent(i, DELIVERY, s, seq, size, wall, A, arr, "", A, A, -1, -1, A, A, A);
  }

  private static TraceEvent lifecycle(
      long i, EventKind k, String s, long seq, long wall, String d) {
    return new TraceEvent(i, k, s, seq, -1, wall, A, wall, d, A, A, -1, -1, A, A, A);
  }

  private static TraceEvent consume(long i, String s, long seq, long wall, long arrival) {
    return new TraceEvent(i, CONSUME, s, seq, -1, wall, A, arrival, "", A, A, -1, -1, A, A, A);
  }

  private static TraceEvent buffer(long i, String s, long pushed, long ev, int held, long wall) {
    return new TraceEvent(i, BUFFER, s, A, -1, wall, A, A, "", pushed, ev, held, -1, A, A, A);
  }

  private static TraceEvent item(long i, String s, int position, long seq, long wall) {
    return new TraceEvent(i, BUFFER_ITEM, s, seq, -1, wall, A, A, "", A, A, -1, position, A, A, A);
  }

  private static TraceEvent reconnect(long i, String s, String d, long at, long delay, long wall) {
    return new TraceEvent(i, RECONNECT, s, A, -1, wall, A, A, d, A, A, -1, -1, at, delay, A);
  }

  private static TraceEvent gauge(long i, String s, String metric, long value, long wall) {
    return new TraceEvent(i, GAUGE, s, A, -1, wall, A, wall, metric, A, A, -1, -1, A, A, value);
  }

  @Test
  void everyKindReadsBackWithItsOwnFieldsAndAbsentMarkers() {
    String odd = "wëird \"name\"\\\n";
    List<TraceEvent> expected =
        List.of(
            lifecycle(0, CONNECT_ATTEMPT, "accel", A, 1000, "token ok"),
            lifecycle(1, OPEN, "accel", A, 2000, ""),
            send(2, "accel", 0, 16, 3000, 0),
            send(3, odd, 0, 1 << 20, 4000, 1_000_000),
            lifecycle(4, FAULT, "accel", 0, 5000, "reorder"),
            lifecycle(5, DROP, odd, 0, 6000, "drop-oldest"),
            delivery(6, "accel", 0, 16, 2500, 7000),
            lifecycle(7, REFUSAL, odd, A, 8000, "down"),
            lifecycle(8, END, "accel", 1, 9000, "sent 1"),
            lifecycle(9, CLOSE, "accel", A, 10000, "backend"),
            consume(10, "accel", 0, 2800, 11000),
            buffer(11, "ring", 5, 2, 3, 9500),
            item(12, "ring", 0, 2, 9500),
            item(13, "ring", 1, 3, 9500),
            item(14, "ring", 2, 4, 9500),
            reconnect(15, "accel", "retry", 2, 250_000, 12_500),
            gauge(16, "accel", "js-heap-bytes", 52_428_800, 14_000),
            gauge(17, "ring", "skew-ns", -1, 15_000),
            new TraceEvent(18, CLOCK, "ring", A, -1, 16_000, A, 16_000, "", A, A, -1, -1, A, A,
                450_000),
            new TraceEvent(19, LAG, "ring", A, -1, 14_000, A, A, "", A, A, -1, -1, A, A,
                12_000_000),
            new TraceEvent(20, CLOSE, "accel", A, -1, 16_500, A, 18_000, "frontend", A, A, -1, -1,
                A, A, A),
            new TraceEvent(21, LOSS_HEARD, odd, A, -1, 17_200, A, 19_000, "websocket", A, A, -1,
                -1, A, A, A));
    TraceSnapshot snapshot = SampleTraces.everyKind().snapshot();
    assertEquals(expected, snapshot.events(EventFilter.all()));
    assertEquals(List.of("accel", odd, "ring"), snapshot.streams());
  }

  @Test
  void eachKindsFieldsReadUnderTheirOwnNames() {
    TraceSnapshot snapshot = SampleTraces.everyKind().snapshot();
    TraceCursor c = snapshot.cursor(EventFilter.of(EventKind.CONSUME));
    assertTrue(c.next());
    assertEquals(
        List.of(0L, 2800L, 11000L, -1),
        List.of(c.sequence(), c.wallNs(), c.arrivalNs(), c.sizeBytes()));

    c = snapshot.cursor(EventFilter.of(EventKind.BUFFER));
    assertTrue(c.next());
    assertEquals(List.of(5L, 2L, 3), List.of(c.pushed(), c.evictions(), c.held()));
    assertEquals(List.of(A, A, -1), List.of(c.sequence(), c.arrivalNs(), c.position()));

    c = snapshot.cursor(EventFilter.of(EventKind.BUFFER_ITEM).onStream("ring"));
    List<List<Long>> items = new ArrayList<>();
    while (c.next()) {
      items.add(List.of((long) c.position(), c.sequence(), c.wallNs(), (long) c.held()));
    }
    assertEquals(
        List.of(List.of(0L, 2L, 9500L, A), List.of(1L, 3L, 9500L, A), List.of(2L, 4L, 9500L, A)),
        items);

    c = snapshot.cursor(EventFilter.of(EventKind.RECONNECT));
    assertTrue(c.next());
    assertEquals("retry", c.decision());
    assertEquals("retry", c.detail());
    assertEquals("", c.metric());
    assertEquals(
        List.of(2L, 250_000L, A, A),
        List.of(c.attempt(), c.delayMicros(), c.sequence(), c.value()));
    assertEquals("retry", c.toEvent().decision());

    c = snapshot.cursor(EventFilter.of(EventKind.GAUGE));
    assertTrue(c.next());
    assertEquals("js-heap-bytes", c.metric());
    assertEquals("", c.decision());
    assertEquals(52_428_800, c.value());
    assertEquals(A, c.attempt());
    assertEquals("js-heap-bytes", c.toEvent().metric());
    assertEquals("", c.toEvent().decision());
    assertTrue(c.next());
    assertEquals(-1, c.value()); // a gauge's real value, not the absent marker

    // Older kinds read the new fields as absent.
    c = snapshot.cursor(EventFilter.of(EventKind.SEND, EventKind.DELIVERY, EventKind.DROP));
    while (c.next()) {
      TraceEvent e = c.toEvent();
      assertEquals(
          List.of(A, A, A, A, A),
          List.of(e.pushed(), e.evictions(), e.attempt(), e.delayMicros(), e.value()));
      assertEquals(List.of(-1, -1), List.of(e.held(), e.position()));
      assertEquals("", e.decision() + e.metric());
    }
  }

  @Test
  void aBufferSnapshotKeepsItsItemsNotTheCallersArray() {
    Trace trace = Trace.start();
    int ring = trace.stream("ring");
    long[] items = {7, 8, 9};
    trace.buffer(ring, 9, 6, items, 3, 100);
    items[0] = 70;
    trace.buffer(ring, 9, 9, items, 0, 200);
    List<TraceEvent> events = trace.snapshot().events(EventFilter.all());
    assertEquals(5, events.size());
    assertEquals(
        List.of(7L, 8L, 9L), events.subList(1, 4).stream().map(TraceEvent::sequence).toList());
    // An empty buffer is its buffer event alone.
    assertEquals(EventKind.BUFFER, events.get(4).kind());
    assertEquals(0, events.get(4).held());
    assertEquals(9, events.get(4).evictions());
  }

  @Test
  void onlyTheKindsLifecycleRecordsAreLifecycleKinds() {
    assertEquals(
        EnumSet.of(OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD),
        EnumSet.copyOf(Arrays.stream(EventKind.values()).filter(EventKind::isLifecycle).toList()));
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
  void aLifecycleEventThePageTimedKeepsThePageTimeAndJavasArrival() {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int s = trace.stream("ws");
    clock.advance(100);
    trace.lifecycleAt(EventKind.CONNECT_ATTEMPT, s, "websocket", 60);
    // A converted page time may come out a little after Java's (within the clock's bound): kept.
    trace.lifecycleAt(EventKind.CLOSE, s, "frontend", 130);
    trace.lifecycle(EventKind.CONNECT_ATTEMPT, s, "websocket");
    List<TraceEvent> events = trace.snapshot().events(EventFilter.all());
    assertEquals(List.of(60L, 130L, 100L), events.stream().map(TraceEvent::wallNs).toList());
    assertEquals(List.of(100L, 100L, 100L), events.stream().map(TraceEvent::arrivalNs).toList());
    assertEquals(List.of("websocket", "frontend", "websocket"),
        events.stream().map(TraceEvent::detail).toList());
  }

  @Test
  void clockBoundsAndLagsKeepTheirValues() {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int page = trace.stream("page");
    clock.advance(50);
    trace.clock(page, 1_200_000);
    trace.lag(page, 35_000_000, 42);
    List<TraceEvent> events = trace.snapshot().events(EventFilter.all());
    assertEquals(List.of(EventKind.CLOCK, EventKind.LAG),
        events.stream().map(TraceEvent::kind).toList());
    assertEquals(List.of(1_200_000L, 35_000_000L), events.stream().map(TraceEvent::value).toList());
    assertEquals(List.of(50L, 42L), events.stream().map(TraceEvent::wallNs).toList());
    assertEquals(List.of(50L, (long) TraceEvent.ABSENT),
        events.stream().map(TraceEvent::arrivalNs).toList());
    assertEquals(List.of((long) TraceEvent.ABSENT, (long) TraceEvent.ABSENT),
        events.stream().map(TraceEvent::sequence).toList());
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
    assertEquals(4, snapshot.count(EventFilter.all().onStream("wëird \"name\"\\\n")));
    assertEquals(
        0, snapshot.count(EventFilter.of(EventKind.DELIVERY).onStream("wëird \"name\"\\\n")));
    indexes.clear();
    c =
        snapshot.cursor(
            EventFilter.of(EventKind.CONSUME, EventKind.RECONNECT, EventKind.GAUGE)
                .onStream("accel"));
    while (c.next()) {
      indexes.add(c.index());
    }
    assertEquals(List.of(10L, 15L, 16L), indexes);
    assertEquals(4, snapshot.count(EventFilter.of(EventKind.BUFFER, EventKind.BUFFER_ITEM)));
    assertEquals(7, snapshot.count(EventFilter.all().onStream("ring")));
    assertEquals(0, snapshot.count(EventFilter.of(EventKind.BUFFER).onStream("accel")));
  }

  @Test
  void countsPerKindIncludeKindsWithoutEvents() {
    Trace trace = SampleTraces.many(1000);
    Map<EventKind, Long> counts = trace.snapshot().counts();
    assertEquals(List.of(EventKind.values()), List.copyOf(counts.keySet()));
    assertEquals(168L, counts.get(EventKind.SEND));
    assertEquals(168L, counts.get(EventKind.DELIVERY));
    assertEquals(83L, counts.get(EventKind.DROP));
    assertEquals(166L, counts.get(EventKind.CONSUME));
    assertEquals(83L, counts.get(EventKind.BUFFER));
    assertEquals(166L, counts.get(EventKind.BUFFER_ITEM));
    assertEquals(83L, counts.get(EventKind.RECONNECT));
    assertEquals(83L, counts.get(EventKind.GAUGE));
    assertEquals(0L, counts.get(EventKind.OPEN));
    assertEquals(1000, trace.size());
    assertEquals(83, trace.snapshot().count(EventKind.DROP));
    assertEquals(166, trace.snapshot().count(EventFilter.of(EventKind.BUFFER_ITEM)));
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

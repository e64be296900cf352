package dev.weir.harness.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused with a message that names what was expected, and records nothing. */
class TraceInputTest {

  private final Trace trace = Trace.start();
  private final int accel = trace.stream("accel");

  private void refused(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(0, trace.size());
  }

  @Test
  void negativeSizes() {
    refused(
        "send of sequence 3 on stream 0 (accel): size must be >= 0 bytes, got -1",
        () -> trace.send(accel, 3, -1, 0));
    refused(
        "delivery of sequence 3 on stream 0 (accel): size must be >= 0 bytes, got -8",
        () -> trace.delivery(accel, 3, -8, 0));
  }

  @Test
  void negativeSequences() {
    refused(
        "send on stream 0 (accel): sequence must be >= 0, got -2",
        () -> trace.send(accel, -2, 1, 0));
    refused(
        "drop on stream 0 (accel): sequence must be >= 0, got -1; use lifecycle(kind, stream,"
            + " detail) for an event without one",
        () -> trace.lifecycle(EventKind.DROP, accel, -1, "full"));
  }

  @Test
  void unknownStreamIds() {
    trace.stream("temp");
    refused(
        "send: unknown stream id 2; this trace has streams 0 (accel), 1 (temp). Register a"
            + " stream with Trace.stream(name) and pass the id it returns",
        () -> trace.send(2, 0, 1, 0));
    refused(
        "open: unknown stream id -1; this trace has streams 0 (accel), 1 (temp). Register a"
            + " stream with Trace.stream(name) and pass the id it returns",
        () -> trace.lifecycle(EventKind.OPEN, -1, ""));
    Trace empty = Trace.start();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> empty.delivery(0, 0, 1, 0));
    assertEquals(
        "delivery: unknown stream id 0; this trace has no streams yet. Register a"
            + " stream with Trace.stream(name) and pass the id it returns",
        e.getMessage());
  }

  @Test
  void manyStreamsAreListedOnlyInPart() {
    for (int i = 1; i < 20; i++) {
      trace.stream("s" + i);
    }
    refused(
        "send: unknown stream id 20; this trace has streams 0 (accel), 1 (s1), 2 (s2),"
            + " 3 (s3), 4 (s4), 5 (s5), 6 (s6), 7 (s7), …. Register a stream with"
            + " Trace.stream(name) and pass the id it returns",
        () -> trace.send(20, 0, 1, 0));
  }

  @Test
  void timesBeforeTheStart() {
    refused(
        "send of sequence 0 on stream 0 (accel): virtual time must be >= 0 ns, got -5",
        () -> trace.send(accel, 0, 1, -5));
    refused(
        "delivery of sequence 0 on stream 0 (accel): delivery time must be >= 0 ns since the"
            + " trace started, got -1; convert the page's clock to the trace's with"
            + " Trace.nowNs()",
        () -> trace.delivery(accel, 0, 1, -1));
  }

  @Test
  void consumesNeedASequenceAndAPageTime() {
    refused(
        "consume on stream 0 (accel): sequence must be >= 0, got -1",
        () -> trace.consume(accel, -1, 0));
    refused(
        "consume of sequence 4 on stream 0 (accel): consume time must be >= 0 ns since the"
            + " trace started, got -3; convert the page's clock to the trace's with"
            + " Trace.nowNs()",
        () -> trace.consume(accel, 4, -3));
    refused(
        "consume: unknown stream id 1; this trace has streams 0 (accel). Register a stream with"
            + " Trace.stream(name) and pass the id it returns",
        () -> trace.consume(1, 0, 0));
  }

  @Test
  void bufferSnapshotsAreRefusedWholeForAnyBadPart() {
    long[] items = {1, 2, 3};
    refused(
        "buffer on stream 0 (accel): pushed must be >= 0, got -1",
        () -> trace.buffer(accel, -1, 0, items, 3, 0));
    refused(
        "buffer on stream 0 (accel): evictions must be >= 0, got -2",
        () -> trace.buffer(accel, 3, -2, items, 3, 0));
    refused(
        "buffer on stream 0 (accel): items must not be null; pass an empty array for an empty"
            + " buffer",
        () -> trace.buffer(accel, 3, 0, null, 0, 0));
    refused(
        "buffer on stream 0 (accel): count must be between 0 and items.length (3), got 4",
        () -> trace.buffer(accel, 3, 0, items, 4, 0));
    refused(
        "buffer on stream 0 (accel): count must be between 0 and items.length (3), got -1",
        () -> trace.buffer(accel, 3, 0, items, -1, 0));
    // The last item is bad: none of the snapshot may be recorded.
    refused(
        "buffer on stream 0 (accel): the item at position 2 must be a sequence >= 0, got -7",
        () -> trace.buffer(accel, 3, 0, new long[] {1, 2, -7}, 3, 0));
    refused(
        "buffer on stream 0 (accel): snapshot time must be >= 0 ns since the trace started,"
            + " got -1; convert the page's clock to the trace's with Trace.nowNs()",
        () -> trace.buffer(accel, 3, 0, items, 3, -1));
    refused(
        "buffer: unknown stream id 5; this trace has streams 0 (accel). Register a stream with"
            + " Trace.stream(name) and pass the id it returns",
        () -> trace.buffer(5, 3, 0, items, 3, 0));
    // Items past count are not read.
    trace.buffer(accel, 3, 0, new long[] {1, -1}, 1, 0);
    assertEquals(2, trace.size());
  }

  @Test
  void reconnectsNeedAKnownDecisionAndNonNegativeNumbers() {
    refused(
        "reconnect on stream 0 (accel): decision must be one of retry, open, reset, give-up,"
            + " got \"wait\"",
        () -> trace.reconnect(accel, "wait", 0, 0, 0));
    refused(
        "reconnect on stream 0 (accel): decision must be one of retry, open, reset, give-up,"
            + " got null",
        () -> trace.reconnect(accel, null, 0, 0, 0));
    refused(
        "reconnect on stream 0 (accel): attempt must be >= 0, got -1",
        () -> trace.reconnect(accel, "retry", -1, 100, 0));
    refused(
        "reconnect on stream 0 (accel): delay must be >= 0 µs, got -100",
        () -> trace.reconnect(accel, "retry", 1, -100, 0));
    refused(
        "reconnect on stream 0 (accel): decision time must be >= 0 ns since the trace started,"
            + " got -9; convert the page's clock to the trace's with Trace.nowNs()",
        () -> trace.reconnect(accel, "give-up", 3, 0, -9));
    refused(
        "connect-attempt on stream 0 (accel): page time must be >= 0 ns since the trace started,"
            + " got -4; convert the page's clock to the trace's with Trace.nowNs()",
        () -> trace.lifecycleAt(EventKind.CONNECT_ATTEMPT, accel, "websocket", -4));
    refused(
        "lag on stream 0 (accel): lag must be >= 0 ns, got -1",
        () -> trace.lag(accel, -1, 5));
    refused(
        "clock on stream 0 (accel): bound must be >= 0 ns, got -2",
        () -> trace.clock(accel, -2));
    refused(
        "reconnect: unknown stream id -1; this trace has streams 0 (accel). Register a stream"
            + " with Trace.stream(name) and pass the id it returns",
        () -> trace.reconnect(-1, "open", 0, 0, 0));
  }

  @Test
  void gaugesNeedAMetric() {
    refused(
        "gauge on stream 0 (accel): metric must be a non-empty name such as js-heap-bytes, got"
            + " null",
        () -> trace.gauge(accel, null, 1));
    refused(
        "gauge on stream 0 (accel): metric must be a non-empty name such as js-heap-bytes, got"
            + " \"\"",
        () -> trace.gauge(accel, "", 1));
    refused(
        "gauge: unknown stream id 3; this trace has streams 0 (accel). Register a stream with"
            + " Trace.stream(name) and pass the id it returns",
        () -> trace.gauge(3, "listeners", 1));
  }

  @Test
  void messageKindsAreNotLifecycleEvents() {
    refused(
        "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault, loss-heard),"
            + " got send; record it with Trace.send",
        () -> trace.lifecycle(EventKind.SEND, accel, ""));
    refused(
        "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault, loss-heard),"
            + " got null",
        () -> trace.lifecycle(null, accel, 4, ""));
    refused(
        "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault, loss-heard),"
            + " got consume; record it with Trace.consume",
        () -> trace.lifecycle(EventKind.CONSUME, accel, 0, ""));
    refused(
        "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault, loss-heard),"
            + " got buffer-item; record it with Trace.buffer",
        () -> trace.lifecycle(EventKind.BUFFER_ITEM, accel, ""));
    refused(
        "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault, loss-heard),"
            + " got gauge; record it with Trace.gauge",
        () -> trace.lifecycle(EventKind.GAUGE, accel, ""));
  }

  @Test
  void missingDetail() {
    refused(
        "fault on stream 0 (accel): detail must not be null; pass \"\" for none",
        () -> trace.lifecycle(EventKind.FAULT, accel, 1, null));
  }

  @Test
  void blankStreamNames() {
    refused("a stream name must be a non-empty string, got \"\"", () -> trace.stream(""));
    refused("a stream name must be a non-empty string, got null", () -> trace.stream(null));
    refused(
        "a stream name must be a non-empty string, got null",
        () -> EventFilter.all().onStream(null));
  }

  @Test
  void filteringOnAStreamTheTraceDoesNotHave() {
    trace.stream("temp");
    refused(
        "no stream named \"gps\" in this trace; its streams are accel, temp",
        () -> trace.snapshot().cursor(EventFilter.all().onStream("gps")));
  }
}

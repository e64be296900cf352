package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;

/**
 * A trace written step by step on a manual clock that moves 1 µs before every event, so event i
 * (from 0) happens at (i + 1) µs unless a test moves the clock further; a delivery is received when
 * it is recorded unless a test says otherwise.
 */
final class TestTrace {

  static final long TICK_NS = 1_000;

  private final ManualWallClock clock = new ManualWallClock(0);
  private final Trace trace = Trace.start(clock);

  TestTrace send(String stream, long... sequences) {
    for (long sequence : sequences) {
      clock.advance(TICK_NS);
      trace.send(trace.stream(stream), sequence, 8, sequence * TICK_NS);
    }
    return this;
  }

  /** Sends {@code from} to {@code to}, both included. */
  TestTrace sendRange(String stream, long from, long to) {
    for (long sequence = from; sequence <= to; sequence++) {
      send(stream, sequence);
    }
    return this;
  }

  TestTrace deliver(String stream, long... sequences) {
    for (long sequence : sequences) {
      clock.advance(TICK_NS);
      trace.delivery(trace.stream(stream), sequence, 8, trace.nowNs());
    }
    return this;
  }

  TestTrace deliverRange(String stream, long from, long to) {
    for (long sequence = from; sequence <= to; sequence++) {
      deliver(stream, sequence);
    }
    return this;
  }

  /** A delivery the page received at {@code receivedNs} (trace time), recorded now. */
  TestTrace deliverReceivedAt(String stream, long sequence, long receivedNs) {
    clock.advance(TICK_NS);
    trace.delivery(trace.stream(stream), sequence, 8, receivedNs);
    return this;
  }

  TestTrace drop(String stream, long sequence) {
    clock.advance(TICK_NS);
    trace.lifecycle(EventKind.DROP, trace.stream(stream), sequence, "drop-oldest");
    return this;
  }

  TestTrace lifecycle(EventKind kind, String stream, String detail) {
    clock.advance(TICK_NS);
    trace.lifecycle(kind, trace.stream(stream), detail);
    return this;
  }

  TestTrace lifecycle(EventKind kind, String stream, long sequence, String detail) {
    clock.advance(TICK_NS);
    trace.lifecycle(kind, trace.stream(stream), sequence, detail);
    return this;
  }

  // reconnect checker

  /** A connection attempt the server saw on {@code stream}. */
  TestTrace attempt(String stream) {
    return lifecycle(EventKind.CONNECT_ATTEMPT, stream, "websocket");
  }

  /** The server refused the attempt: it is down. */
  TestTrace refuse(String stream) {
    return lifecycle(EventKind.REFUSAL, stream, "down");
  }

  /** The page's next attempt says it heard of the loss at {@code heardNs} (trace time). */
  TestTrace heard(String stream, long heardNs) {
    clock.advance(TICK_NS);
    trace.lifecycleAt(EventKind.LOSS_HEARD, trace.stream(stream), "websocket", heardNs);
    return this;
  }

  TestTrace open(String stream) {
    return lifecycle(EventKind.OPEN, stream, "connect");
  }

  /** The server lost the connection (close code 1001, going away): an outage begins. */
  TestTrace lose(String stream) {
    return lifecycle(EventKind.CLOSE, stream, "closed 1001");
  }

  /** A connection attempt {@code delayNs} after the event before it. */
  TestTrace attemptAfter(String stream, long delayNs) {
    clock.advance(delayNs - TICK_NS);
    return attempt(stream);
  }

  /** The page's reconnect decision, made at {@code decidedNs} (trace time) and recorded now. */
  TestTrace reconnect(String stream, String decision, long attempt, long decidedNs) {
    clock.advance(TICK_NS);
    trace.reconnect(trace.stream(stream), decision, attempt, 0, decidedNs);
    return this;
  }

  // Page-side reports, gauges and backpressure (cleanup, backpressure checkers)

  /** A send of {@code sizeBytes} bytes. */
  TestTrace sendSized(String stream, long sequence, int sizeBytes) {
    clock.advance(TICK_NS);
    trace.send(trace.stream(stream), sequence, sizeBytes, sequence * TICK_NS);
    return this;
  }

  /** The page's report that it consumed {@code sequence} at {@code consumedNs} (trace time). */
  TestTrace consumeAt(String stream, long sequence, long consumedNs) {
    clock.advance(TICK_NS);
    trace.consume(trace.stream(stream), sequence, consumedNs);
    return this;
  }

  // buffer checker

  /** The page consumed {@code sequences} of {@code stream}, in this order, each reported now. */
  TestTrace consume(String stream, long... sequences) {
    for (long sequence : sequences) {
      clock.advance(TICK_NS);
      trace.consume(trace.stream(stream), sequence, trace.nowNs());
    }
    return this;
  }

  /** Consumes {@code from} to {@code to}, both included. */
  TestTrace consumeRange(String stream, long from, long to) {
    for (long sequence = from; sequence <= to; sequence++) {
      consume(stream, sequence);
    }
    return this;
  }

  /** A snapshot of the buffer named {@code buffer}: pushes, evictions, items held oldest first. */
  TestTrace buffer(String buffer, long pushed, long evictions, long... items) {
    clock.advance(TICK_NS);
    trace.buffer(trace.stream(buffer), pushed, evictions, items, items.length, trace.nowNs());
    return this;
  }

  /** A snapshot the page took at {@code takenNs} (trace time), recorded now. */
  TestTrace bufferTakenAt(String buffer, long takenNs, long pushed, long evictions, long... items) {
    clock.advance(TICK_NS);
    trace.buffer(trace.stream(buffer), pushed, evictions, items, items.length, takenNs);
    return this;
  }

  /** A gauge the harness read now, such as {@code js-heap-bytes}. */
  TestTrace gauge(String stream, String metric, long value) {
    clock.advance(TICK_NS);
    trace.gauge(trace.stream(stream), metric, value);
    return this;
  }

  /** A drop of {@code sequence} for {@code detail}: a policy's label, "fault", "resume-buffer". */
  TestTrace dropFor(String stream, long sequence, String detail) {
    clock.advance(TICK_NS);
    trace.lifecycle(EventKind.DROP, trace.stream(stream), sequence, detail);
    return this;
  }

  /** The backend ended the stream after {@code sent} messages. */
  TestTrace end(String stream, long sent) {
    clock.advance(TICK_NS);
    trace.lifecycle(EventKind.END, trace.stream(stream), sent, "");
    return this;
  }

  /** The page clock's bound is now {@code boundNs}: the page times after it are within it. */
  TestTrace clockBound(long boundNs) {
    clock.advance(TICK_NS);
    trace.clock(trace.stream("page"), boundNs);
    return this;
  }

  /** The page's event loop was held {@code lagNs} up to {@code firedNs} (trace time). */
  TestTrace lag(long lagNs, long firedNs) {
    clock.advance(TICK_NS);
    trace.lag(trace.stream("page"), lagNs, firedNs);
    return this;
  }

  /** The index the next event will have. */
  long nextIndex() {
    return trace.size();
  }

  TestTrace pause(long ns) {
    clock.advance(ns);
    return this;
  }

  long nowNs() {
    return trace.nowNs();
  }

  TraceSnapshot snapshot() {
    return trace.snapshot();
  }
}

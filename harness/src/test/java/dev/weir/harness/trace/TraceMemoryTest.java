package dev.weir.harness.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A million events of every kind cost about 32 bytes each, not an object each. */
class TraceMemoryTest {

  private static final int EVENTS = 1_000_000;

  @Test
  void aMillionEventsAllocateAbout32BytesEach() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    fill(Trace.start(), 10_000); // load and compile the append path first
    long before = threads.getCurrentThreadAllocatedBytes();
    Trace trace = Trace.start();
    fill(trace, EVENTS);
    assertEquals(EVENTS, trace.size());
    double perEvent = (threads.getCurrentThreadAllocatedBytes() - before) / (double) EVENTS;
    System.out.printf(
        "trace: %.2f bytes allocated per event over %,d events%n", perEvent, trace.size());
    // An object per event (a record of these fields is 48+ bytes, plus its reference) cannot fit.
    assertTrue(perEvent < 34, () -> perEvent + " bytes per event");
  }

  /**
   * Sends, deliveries, consumes, lifecycle events with a few details, buffer snapshots of 4 items
   * (from one reused array, as a probe would), reconnects and gauges, as a run produces them.
   */
  private static void fill(Trace trace, int events) {
    int stream = trace.stream("s");
    String[] details = {"drop-oldest", "reorder", "backend"};
    long[] items = new long[4];
    for (int i = 0; trace.size() < events; i++) {
      switch (i % 10) {
        case 0, 1 -> trace.send(stream, i, 64, i);
        case 2 -> trace.delivery(stream, i, 64, i);
        case 3, 4 -> trace.consume(stream, i, i);
        case 5 -> trace.lifecycle(EventKind.DROP, stream, i, details[i % 3]);
        case 6 -> {
          items[i % 4] = i;
          trace.buffer(stream, i, i / 2, items, (int) Math.min(4, events - trace.size() - 1), i);
        }
        case 7 -> trace.reconnect(stream, Trace.RECONNECT_DECISIONS.get(i % 4), i % 8, i, i);
        default -> trace.gauge(stream, details[i % 3], -i);
      }
    }
  }
}

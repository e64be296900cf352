package dev.weir.harness.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A million events cost about 32 bytes each, not an object each. */
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
    double perEvent = (threads.getCurrentThreadAllocatedBytes() - before) / (double) EVENTS;
    System.out.printf(
        "trace: %.2f bytes allocated per event over %,d events%n", perEvent, trace.size());
    // An object per event (a record of these fields is 48+ bytes, plus its reference) cannot fit.
    assertTrue(perEvent < 34, () -> perEvent + " bytes per event");
  }

  /** Sends, deliveries and lifecycle events with a few details, as a run produces them. */
  private static void fill(Trace trace, int events) {
    int stream = trace.stream("s");
    String[] details = {"drop-oldest", "reorder", "backend"};
    for (int i = 0; i < events; i++) {
      switch (i % 4) {
        case 0, 1 -> trace.send(stream, i, 64, i);
        case 2 -> trace.delivery(stream, i, 64, i);
        default -> trace.lifecycle(EventKind.DROP, stream, i, details[i % 3]);
      }
    }
  }
}

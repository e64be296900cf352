package dev.weir.harness.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Evidence's memory and output are set by the number of streams and buffers, not by the trace's
 * length: four times the events allocate the same and write JSON of the same bounded size.
 */
class EvidenceMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void fourTimesTheEventsAllocateNoMoreAndWriteNoMore() {
    TraceSnapshot shorter = streaming(750_000);
    TraceSnapshot longer = streaming(3_000_000);
    Evidence.of(shorter); // load and compile first

    long forShorter = allocated(shorter);
    long forLonger = allocated(longer);
    int shorterJson = Evidence.of(shorter).toJson().length();
    int longerJson = Evidence.of(longer).toJson().length();
    System.out.printf(
        "evidence: %,d bytes allocated for %,d events, %,d for %,d; JSON %,d and %,d chars%n",
        forShorter, shorter.size(), forLonger, longer.size(), shorterJson, longerJson);
    assertTrue(
        Math.abs(forLonger - forShorter) < 256 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
    assertTrue(longerJson < 256 * 1024, () -> longerJson + " chars");
    assertEquals(3_000_000, Evidence.of(longer).latency().count(), "every delivery matched");
  }

  /**
   * {@code messages} sends and their deliveries on four streams, 2 ms apart and delivered 0 to 5 ms
   * later, with a buffer snapshot every 1,000 sends: hours of trace time, so the timeline's buckets
   * widen many times.
   */
  private static TraceSnapshot streaming(int messages) {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    SplittableRandom random = new SplittableRandom(42);
    int[] streams = {trace.stream("a"), trace.stream("b"), trace.stream("c"), trace.stream("d")};
    long[] none = new long[0];
    for (long i = 0; i < messages; i++) {
      clock.advance(2_000_000);
      int stream = streams[(int) (i & 3)];
      long sequence = i >> 2;
      trace.send(stream, sequence, 16, 0);
      trace.delivery(stream, sequence, 16, trace.nowNs() + random.nextLong(5_000_000));
      if (i % 1_000 == 0) {
        trace.buffer(stream, sequence, 0, none, 0, trace.nowNs());
      }
    }
    return trace.snapshot();
  }

  private static long allocated(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    Evidence.of(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

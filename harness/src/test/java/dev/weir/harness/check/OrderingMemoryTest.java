package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceSnapshot;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ordering checker's memory is set by its window and the number of streams, not by the trace's
 * length: checking four times the events allocates the same. Allocation, not time: speed is
 * measured in {@code CheckerBenchmark} only.
 */
class OrderingMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OrderingChecker CHECKER =
      new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));

  @Test
  void checkingFourTimesTheEventsAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.fourStreams(1_500_000, true, 7);
    TraceSnapshot longer = LongTraces.fourStreams(6_000_000, true, 7);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "ordering check: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    // Four windows of 131,072 sequences at 17 bytes (2.2 MB each), reached by doubling: 17.8 MB.
    assertTrue(forLonger < 20_000_000, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 256 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void theLongTracesAreWhatTheyClaim() {
    TraceSnapshot clean = LongTraces.fourStreams(200_000, false, 7);
    Verdict v = CHECKER.check(clean);
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(4, v.count("streams"));
    assertEquals(100_000, v.count("sent"));
    assertEquals(100_000, v.count("ok"));
    Verdict faulty = CHECKER.check(LongTraces.fourStreams(200_000, true, 7));
    assertEquals(Status.FAILED, faulty.status());
    assertTrue(faulty.count("out-of-order") > 20, faulty::summary);
    assertTrue(faulty.count("allowed-lost") > 0, faulty::summary);
    assertTrue(faulty.count("duplicated") > 0, faulty::summary);
    assertEquals(0, faulty.count("lost") + faulty.count("phantom") + faulty.count("stalled"));
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Backpressure;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The backpressure checker's memory is set by its bound and the number of streams, not by the
 * trace's length: checking four times the events allocates the same. Allocation, not time: speed
 * is measured in {@code CheckerBenchmark} only.
 */
class BackpressureMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final BackpressureChecker CHECKER =
      new BackpressureChecker(
          Backpressure.Policy.BLOCK, LongTraces.SLOW_CONSUMER_WINDOW, 1 << 20, Duration.ZERO);

  @Test
  void checkingFourTimesTheEventsAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.slowConsumer(1_500_000, true, 7);
    TraceSnapshot longer = LongTraces.slowConsumer(6_000_000, true, 7);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "backpressure check: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    assertTrue(forLonger < 64 * 1024, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 16 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void theSlowConsumerTracesAreWhatTheyClaim() {
    Verdict clean = CHECKER.check(LongTraces.slowConsumer(200_000, false, 7));
    assertEquals(Status.OK, clean.status(), clean::summary);
    assertEquals(4, clean.count("streams"));
    assertEquals(100_000, clean.count("sends"));
    assertEquals(100_000, clean.count("consumed"));
    assertEquals(LongTraces.SLOW_CONSUMER_WINDOW, clean.count("max-in-flight"));

    Verdict faulty = CHECKER.check(LongTraces.slowConsumer(200_000, true, 7));
    assertEquals(Status.FAILED, faulty.status());
    assertEquals("over-window", faulty.firstViolation().orElseThrow().defect());
    assertTrue(faulty.count("unaccounted") > 0, faulty::summary);
    assertEquals(
        faulty.count("sends"), faulty.count("consumed") + faulty.count("unaccounted"), "all judged");
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.TraceSnapshot;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cleanup checker's memory is set by the number of streams and gauge metrics, not by the
 * trace's length or its number of open/close cycles: checking four times the events allocates the
 * same. Allocation, not time: speed is measured in {@code CheckerBenchmark} only.
 */
class CleanupMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final CleanupChecker CHECKER =
      new CleanupChecker(Duration.ofMillis(100), Map.of("js-heap-bytes", 1_000_000L));

  @Test
  void checkingFourTimesTheEventsAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.openCloseCycles(1_500_000, true, 7);
    TraceSnapshot longer = LongTraces.openCloseCycles(6_000_000, true, 7);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "cleanup check: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    // Five streams with a ring of 64 closed periods each, two gauges, the verdict and its context.
    assertTrue(forLonger < 256 * 1024, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 16 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void theLongTracesAreWhatTheyClaim() {
    Verdict clean = CHECKER.check(LongTraces.openCloseCycles(600_000, false, 7));
    assertEquals(Status.OK, clean.status(), clean::summary);
    assertEquals(5, clean.count("streams"));
    assertTrue(clean.count("closed-periods") > 50, clean::summary);
    assertEquals(clean.count("closed-periods") * 2 + 2, clean.count("gauge-samples"));
    Verdict faulty = CHECKER.check(LongTraces.openCloseCycles(600_000, true, 7));
    assertEquals(Status.FAILED, faulty.status());
    assertTrue(faulty.count("sends-after-close") > 0, faulty::summary);
    assertTrue(faulty.count("consumes-after-close") > 0, faulty::summary);
    assertEquals(0, faulty.count("gauges-over-baseline") + faulty.count("never-closed"));
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

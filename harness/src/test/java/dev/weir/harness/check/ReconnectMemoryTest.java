package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.TraceSnapshot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The reconnect checker's memory is set by the number of streams, not by the trace's length:
 * checking four times the events allocates the same. Allocation, not time: speed is measured in
 * {@code CheckerBenchmark} only.
 */
class ReconnectMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ReconnectChecker CHECKER =
      new ReconnectChecker(LongTraces.RECONNECT_POLICY, ReconnectTolerance.DEFAULT, true);

  @Test
  void checkingFourTimesTheEventsAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.reconnecting(1_500_000, 7);
    TraceSnapshot longer = LongTraces.reconnecting(6_000_000, 7);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "reconnect check: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    assertTrue(forLonger < 64 * 1024, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 16 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void theLongTraceIsWhatItClaims() {
    Verdict v = CHECKER.check(LongTraces.reconnecting(400_000, 7));
    assertEquals(Status.OK, v.status(), v::summary);
    assertEquals(4, v.count("streams"));
    assertTrue(v.count("outages") > 100, v::summary);
    assertTrue(v.count("refusals") > v.count("outages"), v::summary);
    // each stream's first outage starts from a fresh count; every later one from a reset
    assertEquals(v.count("outages") - 4, v.count("resets"), v::summary);
    assertEquals(v.count("retries-judged"), v.count("within-envelope"));
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

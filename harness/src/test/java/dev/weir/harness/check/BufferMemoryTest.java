package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.TraceSnapshot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The buffer checker's memory is set by the capacity and the number of streams, not by the trace's
 * length: checking four times the events allocates the same. Allocation, not time: speed is
 * measured in {@code CheckerBenchmark} only.
 */
class BufferMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final BufferChecker CHECKER = new BufferChecker(LongTraces.BUFFER_CAPACITY, 1_000);

  @Test
  void checkingFourTimesTheEventsAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.buffered(1_500_000, false, 7);
    TraceSnapshot longer = LongTraces.buffered(6_000_000, false, 7);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "buffer check: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    // Four rings of 2^17 sequences at 8 bytes (1 MB each), reached by doubling: about 8.4 MB.
    assertTrue(forLonger < 10_000_000, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 256 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void theLongTracesAreWhatTheyClaim() {
    Verdict clean = CHECKER.check(LongTraces.buffered(400_000, false, 7));
    assertEquals(Status.OK, clean.status(), clean::summary);
    assertEquals(4, clean.count("buffers"));
    assertEquals(0, clean.count("unverifiable"));
    assertTrue(clean.count("heap-samples") >= 2, clean::summary);
    assertTrue(clean.count("snapshots") > 4 * 10, clean::summary);
    assertEquals(clean.count("snapshots"), clean.count("snapshots-correct"));
    Verdict faulty = CHECKER.check(LongTraces.buffered(400_000, true, 7));
    assertEquals(Status.FAILED, faulty.status());
    assertTrue(faulty.count("wrong-items") > 0, faulty::summary);
    assertEquals(
        faulty.count("wrong-items"), faulty.count("snapshots") - faulty.count("snapshots-correct"));
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ordering checker's memory follows what is outstanding on each stream, not the trace's length:
 * a clean trace four times longer allocates the same, and a trace with k messages that never
 * arrive allocates in proportion to k, whatever its length. Allocation, not time: speed is measured
 * in {@code CheckerBenchmark} only.
 */
class OrderingMemoryTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OrderingChecker CHECKER =
      new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));

  /** What a message that never arrives may cost at most: a table entry, two runs, their growth. */
  private static final long BYTES_PER_OUTSTANDING = 256;

  /** The most messages of a stream in flight in the clean traces compared. */
  private static final int IN_FLIGHT = 1_024;

  @Test
  void checkingACleanTraceFourTimesLongerAllocatesNoMore() {
    TraceSnapshot shorter = LongTraces.fourStreams(1_500_000, false, 7, IN_FLIGHT);
    TraceSnapshot longer = LongTraces.fourStreams(6_000_000, false, 7, IN_FLIGHT);
    CHECKER.check(shorter); // load and compile the checker first

    long forShorter = allocatedChecking(shorter);
    long forLonger = allocatedChecking(longer);
    System.out.printf(
        "ordering check, clean: %,d bytes allocated for %,d events, %,d for %,d%n",
        forShorter, shorter.size(), forLonger, longer.size());
    // Four rings of at most 4,096 slots (17 bytes each), reached by doubling, and the verdict.
    assertTrue(forLonger < 4 * 2 * 4_096 * 17 + 64 * 1024, () -> forLonger + " bytes");
    assertTrue(
        Math.abs(forLonger - forShorter) < 16 * 1024,
        () -> "grew from " + forShorter + " to " + forLonger + " bytes");
  }

  @Test
  void messagesThatNeverArriveCostInProportionToTheirNumberNotToTheStreamsLength() {
    CHECKER.check(losing(100_000, 10)); // load and compile the checker first
    long fewShort = allocatedChecking(losing(200_000, 1_000));
    long fewLong = allocatedChecking(losing(800_000, 1_000));
    long many = allocatedChecking(losing(800_000, 4_000));
    System.out.printf(
        "ordering check, 1,000 lost of 200,000: %,d bytes; of 800,000: %,d; 4,000 lost: %,d%n",
        fewShort, fewLong, many);
    assertTrue(
        Math.abs(fewLong - fewShort) < 16 * 1024,
        () -> "grew from " + fewShort + " to " + fewLong + " bytes with the stream's length");
    assertTrue(
        many - fewLong < 3_000 * BYTES_PER_OUTSTANDING,
        () -> "3,000 more lost cost " + (many - fewLong) + " bytes");
    assertTrue(many - fewLong > 3_000 * 16, () -> "3,000 more lost cost only " + (many - fewLong));
  }

  @Test
  void aBacklogOfMessagesInFlightAtOnceCostsInProportionToTheBacklog() {
    CHECKER.check(backlog(100_000, 1_000)); // load and compile the checker first
    long small = allocatedChecking(backlog(800_000, 10_000));
    long large = allocatedChecking(backlog(800_000, 40_000));
    System.out.printf(
        "ordering check, 10,000 in flight at once: %,d bytes; 40,000: %,d%n", small, large);
    assertTrue(large < 40_000 * BYTES_PER_OUTSTANDING, () -> large + " bytes");
    assertTrue(large > 4 * small / 2, () -> "from " + small + " to " + large + " bytes");
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

    Verdict losing = CHECKER.check(losing(200_000, 1_000));
    assertEquals(1_000, losing.count("lost"), losing::summary);
    assertEquals(199_000, losing.count("ok"), losing::summary);
    Verdict backlog = CHECKER.check(backlog(200_000, 10_000));
    assertEquals(Status.OK, backlog.status(), backlog::summary);
    assertEquals(200_000, backlog.count("ok"));
  }

  /**
   * One stream of {@code messages}, each delivered just after its send but for {@code lost} of
   * them, spread evenly, that never arrive: outstanding until the end.
   */
  private static TraceSnapshot losing(int messages, int lost) {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int stream = trace.stream("a");
    int every = messages / lost;
    for (int k = 0; k < messages; k++) {
      clock.advance(100);
      trace.send(stream, k, 64, k * 1_000L);
      if (k % every != every / 2) {
        trace.delivery(stream, k, 64, trace.nowNs());
      }
    }
    return trace.snapshot();
  }

  /** One stream of {@code messages} delivered in order, {@code inFlight} behind their sends. */
  private static TraceSnapshot backlog(int messages, int inFlight) {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int stream = trace.stream("a");
    for (int k = 0; k < messages + inFlight; k++) {
      clock.advance(100);
      if (k < messages) {
        trace.send(stream, k, 64, k * 1_000L);
      }
      if (k >= inFlight) {
        trace.delivery(stream, k - inFlight, 64, trace.nowNs());
      }
    }
    return trace.snapshot();
  }

  private static long allocatedChecking(TraceSnapshot trace) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    CHECKER.check(trace);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}

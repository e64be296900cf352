package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.util.SplittableRandom;

/**
 * Long traces for measuring checkers ({@code CheckerBenchmark}, {@link OrderingMemoryTest}): four
 * streams, half the events sends and half deliveries. The page reports each stream's deliveries
 * late, in batches of 1 to 64, the streams' batches interleaved at random, so a delivery trails its
 * send by up to a few hundred events. Seeded and on a manual clock (100 ns per event): the same
 * arguments give the same trace.
 */
public final class LongTraces {

  private static final int STREAMS = 4;

  private LongTraces() {}

  /**
   * @param events about how many events (sends plus deliveries, and drops when faulty)
   * @param faulty when true, about one delivery in a thousand swaps with the next, one in ten
   *     thousand is lost with a drop recorded, and one in ten thousand comes twice
   */
  public static TraceSnapshot fourStreams(long events, boolean faulty, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int[] ids = new int[STREAMS];
    long[] sent = new long[STREAMS];
    long[] delivered = new long[STREAMS];
    for (int s = 0; s < STREAMS; s++) {
      ids[s] = trace.stream("stream-" + s);
    }
    long sends = events / 2;
    long total = 0;
    while (total < sends || pending(sent, delivered)) {
      int s = random.nextInt(STREAMS);
      clock.advance(100);
      if (sent[s] > delivered[s] && (total >= sends || random.nextInt(32) == 0)) {
        long batchEnd = Math.min(sent[s], delivered[s] + 1 + random.nextInt(64));
        deliverBatch(trace, random, ids[s], delivered[s], batchEnd, faulty);
        delivered[s] = batchEnd;
      } else if (total < sends) {
        trace.send(ids[s], sent[s]++, 64, total * 1_000);
        total++;
      }
    }
    return trace.snapshot();
  }

  /** The page's report of sequences {@code from} to {@code end} (excluded), received just now. */
  private static void deliverBatch(
      Trace trace, SplittableRandom random, int stream, long from, long end, boolean faulty) {
    long receivedNs = trace.nowNs() - 50;
    for (long k = from; k < end; k++) {
      int fault = faulty ? random.nextInt(10_000) : Integer.MAX_VALUE;
      if (fault < 10 && k + 1 < end) {
        trace.delivery(stream, k + 1, 64, receivedNs);
        trace.delivery(stream, k++, 64, receivedNs);
      } else if (fault == 10) {
        trace.lifecycle(EventKind.DROP, stream, k, "drop-oldest");
      } else if (fault == 11) {
        trace.delivery(stream, k, 64, receivedNs);
        trace.delivery(stream, k, 64, receivedNs);
      } else {
        trace.delivery(stream, k, 64, receivedNs);
      }
    }
  }

  private static boolean pending(long[] sent, long[] delivered) {
    for (int s = 0; s < sent.length; s++) {
      if (sent[s] > delivered[s]) {
        return true;
      }
    }
    return false;
  }

  // buffer checker

  /**
   * The capacity of the buffers in {@link #buffered}: what a {@code BufferChecker} should declare.
   */
  public static final int BUFFER_CAPACITY = 1_024;

  private static final int SNAPSHOT_EVERY = 4_096;

  /**
   * A long trace of four streams consumed into circular buffers of {@link #BUFFER_CAPACITY}: the
   * page reports each stream's consumes late, in batches of up to 512, and takes a snapshot of a
   * stream's buffer every 4,096 consumes and once at the end. A snapshot is recorded either before
   * the consumes it covers are reported or after the next batch (which holds later ones too), at
   * random, as the probe's two report channels do. A {@code js-heap-bytes} gauge is sampled every
   * 65,536 consumes, flat within 1,000 bytes. About one event in five is a buffer item.
   *
   * @param faulty when true, one snapshot in sixteen has two adjacent items swapped
   */
  public static TraceSnapshot buffered(long events, boolean faulty, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int page = trace.stream("page");
    int[] ids = new int[STREAMS];
    long[] consumed = new long[STREAMS];
    long[] reported = new long[STREAMS];
    long[] deferred = new long[STREAMS];
    for (int s = 0; s < STREAMS; s++) {
      ids[s] = trace.stream("stream-" + s);
      deferred[s] = -1;
    }
    long[] items = new long[BUFFER_CAPACITY];
    long appended = 0;
    long all = 0;
    while (appended < events) {
      int s = random.nextInt(STREAMS);
      clock.advance(100);
      consumed[s]++; // the page consumed sequence consumed[s] - 1 and pushed it into the buffer
      if (random.nextInt(32) == 0 || consumed[s] - reported[s] >= 512) {
        appended += report(trace, ids[s], reported[s], consumed[s]);
        reported[s] = consumed[s];
        if (deferred[s] >= 0) {
          appended +=
              snapshot(trace, ids[s], deferred[s], items, faulty && random.nextInt(16) == 0);
          deferred[s] = -1;
        }
      }
      if (consumed[s] % SNAPSHOT_EVERY == 0) {
        if (random.nextBoolean()) {
          appended +=
              snapshot(trace, ids[s], consumed[s], items, faulty && random.nextInt(16) == 0);
        } else {
          deferred[s] = consumed[s];
        }
      }
      if (++all % 65_536 == 0) {
        trace.gauge(page, "js-heap-bytes", 50_000_000 + random.nextInt(1_000));
        appended++;
      }
    }
    for (int s = 0; s < STREAMS; s++) {
      report(trace, ids[s], reported[s], consumed[s]);
      if (deferred[s] >= 0) {
        snapshot(trace, ids[s], deferred[s], items, false);
      }
      snapshot(trace, ids[s], consumed[s], items, false);
    }
    return trace.snapshot();
  }

  /** The page's report of consumes {@code from} to {@code end} (excluded); events appended. */
  private static long report(Trace trace, int stream, long from, long end) {
    long consumedNs = trace.nowNs() - 50;
    for (long k = from; k < end; k++) {
      trace.consume(stream, k, consumedNs);
    }
    return end - from;
  }

  /** A correct snapshot after {@code pushed} pushes, or one with two items swapped; events. */
  private static long snapshot(Trace trace, int stream, long pushed, long[] items, boolean swap) {
    int held = (int) Math.min(pushed, BUFFER_CAPACITY);
    for (int p = 0; p < held; p++) {
      items[p] = pushed - held + p;
    }
    if (swap && held >= 2) {
      items[held - 2] = pushed - 1;
      items[held - 1] = pushed - 2;
    }
    trace.buffer(
        stream, pushed, Math.max(0, pushed - BUFFER_CAPACITY), items, held, trace.nowNs() - 50);
    return 1 + held;
  }
}

package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.time.Duration;
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
    return fourStreams(events, faulty, seed, Long.MAX_VALUE);
  }

  /**
   * {@link #fourStreams(long, boolean, long)} with at most {@code maxInFlight} messages of a stream
   * sent and not yet delivered: a stream delivers a batch whenever it has that many. Without the
   * bound the most in flight grows slowly with the length (a random walk's excursions); with it,
   * two lengths hold the same at most.
   */
  public static TraceSnapshot fourStreams(
      long events, boolean faulty, long seed, long maxInFlight) {
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
      if (sent[s] > delivered[s]
          && (total >= sends
              || random.nextInt(32) == 0
              || sent[s] - delivered[s] >= maxInFlight)) {
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

  // reconnect checker

  /**
   * A long trace of connections lost and regained, for the reconnect checker: four streams, each
   * sending 200 to 5,000 messages per connection, staying up 1.5 s (so the backoff resets), losing
   * it (close 1001) and retrying after exactly {@link #RECONNECT_POLICY}'s delays plus 1 ms, 0 to 3
   * refused before one opens. The streams' events interleave by time; seeded, on a manual clock.
   * The reconnect checker finds it correct.
   */
  public static TraceSnapshot reconnecting(long events, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    long[] due = new long[STREAMS];
    int[] ids = new int[STREAMS];
    Connection[] streams = new Connection[STREAMS];
    for (int s = 0; s < STREAMS; s++) {
      ids[s] = trace.stream("stream-" + s);
      streams[s] = new Connection();
      due[s] = s * 1_000L;
    }
    while (trace.size() < events) {
      int s = 0;
      for (int t = 1; t < STREAMS; t++) {
        s = due[t] < due[s] ? t : s;
      }
      clock.advance(Math.max(10, due[s] - trace.nowNs()));
      due[s] = trace.nowNs() + streams[s].step(trace, ids[s], random);
    }
    return trace.snapshot();
  }

  /** {@link #reconnecting}'s clients' backoff: 50 ms × 2^(k−1) capped at 1 s, no jitter, 10, 1 s. */
  public static final ReconnectPolicy RECONNECT_POLICY =
      new ReconnectPolicy(
          Duration.ofMillis(50),
          2,
          Duration.ofSeconds(1),
          ReconnectPolicy.Jitter.NONE,
          10,
          Duration.ofSeconds(1));

  /** One stream's client in {@link #reconnecting}: its next event, and the time to the one after. */
  private static final class Connection {
    private long sent;
    private long toSend;
    private int refusals; // of the attempts still to come before one opens
    private int attempt; // attempts in this outage (or first tries) so far
    private boolean trying; // an attempt was made: a refusal or an open comes next
    private boolean up;

    long step(Trace trace, int stream, SplittableRandom random) {
      if (trying) {
        trying = false;
        if (refusals-- > 0) {
          trace.lifecycle(EventKind.REFUSAL, stream, "down");
          return RECONNECT_POLICY.ceilingNs(attempt + 1) + 1_000_000;
        }
        trace.lifecycle(EventKind.OPEN, stream, "connect");
        up = true;
        toSend = 200 + random.nextInt(4_801);
        return 1_000;
      }
      if (toSend > 0) {
        trace.send(stream, sent++, 64, sent * 1_000);
        return --toSend == 0 ? 1_500_000_000 : 400;
      }
      if (up) { // up 1.5 s, all sent: lost
        trace.lifecycle(EventKind.CLOSE, stream, "closed 1001");
        up = false;
        refusals = random.nextInt(4);
        attempt = 0;
        return RECONNECT_POLICY.ceilingNs(1) + 1_000_000;
      }
      trace.lifecycle(EventKind.CONNECT_ATTEMPT, stream, "websocket");
      attempt++;
      trying = true;
      return 1_000;
    }
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

  // cleanup checker

  /**
   * Open/close cycles on four streams: each subscription sends 1 to a few thousand messages, the
   * page reports their deliveries and consumes late in batches of 1 to 64, then unsubscribes (its
   * last batch reported first), the frontend reports closing, and the harness samples the page's
   * listeners (always 40) and heap (8 MB plus up to 1,000,000 bytes). Seeded, on a manual clock
   * (100 ns per step).
   *
   * @param events about how many events
   * @param faulty when true, about one close in 32 is followed 200 ms later by one more send, and
   *     one in 32 by a consume reported after the frontend closed
   */
  public static TraceSnapshot openCloseCycles(long events, boolean faulty, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int page = trace.stream("page");
    int[] ids = new int[STREAMS];
    boolean[] open = new boolean[STREAMS];
    long[] sent = new long[STREAMS];
    long[] reported = new long[STREAMS];
    for (int s = 0; s < STREAMS; s++) {
      ids[s] = trace.stream("stream-" + s);
    }
    sampleGauges(trace, page, random);
    while (trace.size() < events) {
      int s = random.nextInt(STREAMS);
      clock.advance(100);
      if (!open[s]) {
        if (random.nextInt(8) == 0) {
          trace.lifecycle(EventKind.OPEN, ids[s], "subscribe");
          open[s] = true;
          sent[s] = 0;
          reported[s] = 0;
        }
      } else if (random.nextInt(2_048) == 0) {
        reportBatch(trace, ids[s], reported[s], sent[s]);
        trace.lifecycle(EventKind.CLOSE, ids[s], "unsubscribe");
        trace.lifecycle(EventKind.CLOSE, ids[s], "frontend");
        open[s] = false;
        if (faulty && random.nextInt(32) == 0) {
          clock.advance(200_000_000);
          trace.send(ids[s], sent[s], 64, 0);
        } else if (faulty && random.nextInt(32) == 0) {
          clock.advance(100);
          trace.consume(ids[s], sent[s] - 1, trace.nowNs());
        }
        sampleGauges(trace, page, random);
      } else if (sent[s] > reported[s] && random.nextInt(32) == 0) {
        long batchEnd = Math.min(sent[s], reported[s] + 1 + random.nextInt(64));
        reportBatch(trace, ids[s], reported[s], batchEnd);
        reported[s] = batchEnd;
      } else {
        trace.send(ids[s], sent[s]++, 64, 0);
      }
    }
    return trace.snapshot();
  }

  /** The page's delivery and consume of sequences {@code from} to {@code end} (excluded). */
  private static void reportBatch(Trace trace, int stream, long from, long end) {
    long pageNs = trace.nowNs() - 50;
    for (long k = from; k < end; k++) {
      trace.delivery(stream, k, 64, pageNs);
      trace.consume(stream, k, pageNs);
    }
  }

  private static void sampleGauges(Trace trace, int page, SplittableRandom random) {
    trace.gauge(page, "listeners", 40);
    trace.gauge(page, "js-heap-bytes", 8_000_000 + random.nextInt(1_000_001));
  }

  // backpressure checker

  /** The block window {@link #slowConsumer} keeps: a send waits while this many are unconsumed. */
  public static final int SLOW_CONSUMER_WINDOW = 16;

  /** The most consumes the page holds before reporting them. */
  private static final int REPORT_BATCH = 64;

  /**
   * Four streams behind a block window of {@link #SLOW_CONSUMER_WINDOW} messages, consumed by a
   * page that is as often busy as not: a stream sends only while fewer than the window are
   * unconsumed. The page reports its consumes late, in batches of up to 64 with their page times,
   * the streams' reports interleaved at random; each stream ends once all is consumed. Seeded and
   * on a manual clock (100 ns per step).
   *
   * @param events about how many events (sends plus consumes, four ends)
   * @param faulty when true, the page silently discards about one message in ten thousand: it
   *     gives the credit back but never consumes it, so what is in flight creeps up
   */
  public static TraceSnapshot slowConsumer(long events, boolean faulty, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int[] ids = new int[STREAMS];
    long[] sent = new long[STREAMS];
    long[] handled = new long[STREAMS];
    int[] waiting = new int[STREAMS];
    long[][] consumedNs = new long[STREAMS][REPORT_BATCH];
    long[][] consumedSeq = new long[STREAMS][REPORT_BATCH];
    for (int s = 0; s < STREAMS; s++) {
      ids[s] = trace.stream("stream-" + s);
    }
    long sends = events / 2;
    long total = 0;
    while (total < sends || unreported(sent, handled, waiting)) {
      int s = random.nextInt(STREAMS);
      clock.advance(100);
      boolean canSend = total < sends && sent[s] - handled[s] < SLOW_CONSUMER_WINDOW;
      boolean canConsume = handled[s] < sent[s] && waiting[s] < REPORT_BATCH;
      int r = random.nextInt(8);
      if (waiting[s] > 0 && (r == 0 || !canSend && !canConsume)) {
        for (int k = 0; k < waiting[s]; k++) {
          trace.consume(ids[s], consumedSeq[s][k], consumedNs[s][k]);
        }
        waiting[s] = 0;
      } else if (canConsume && (r < 4 || !canSend)) {
        long sequence = handled[s]++;
        if (!faulty || random.nextInt(10_000) != 0) {
          consumedSeq[s][waiting[s]] = sequence;
          consumedNs[s][waiting[s]++] = trace.nowNs();
        }
      } else if (canSend) {
        trace.send(ids[s], sent[s]++, 64, total * 1_000);
        total++;
      }
    }
    for (int s = 0; s < STREAMS; s++) {
      trace.lifecycle(EventKind.END, ids[s], sent[s], "");
    }
    return trace.snapshot();
  }

  private static boolean unreported(long[] sent, long[] handled, int[] waiting) {
    for (int s = 0; s < sent.length; s++) {
      if (handled[s] < sent[s] || waiting[s] > 0) {
        return true;
      }
    }
    return false;
  }

  // end of backpressure checker

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

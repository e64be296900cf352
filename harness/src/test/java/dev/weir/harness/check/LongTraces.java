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

  private static boolean pending(long[] sent, long[] delivered) {
    for (int s = 0; s < sent.length; s++) {
      if (sent[s] > delivered[s]) {
        return true;
      }
    }
    return false;
  }
}

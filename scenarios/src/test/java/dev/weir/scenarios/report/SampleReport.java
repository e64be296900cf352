package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Judgement;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.scenarios.run.Conditions;
import dev.weir.scenarios.run.Stress;
import dev.weir.simulator.pacing.ManualWallClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report model with every status and every plot, from synthetic traces judged by the real
 * checkers: ordering OK on channel (latency, throughput), FAILED on websocket (out of order),
 * NON-STRICT on sse (a loss a drop accounts for); a buffer filling to its capacity (occupancy);
 * a reconnect whose backoff overshoots its cap (retries, one outside); and an INFORMATIONAL
 * throughput case; run under stress ({@link #CONDITIONS}). The same model every time.
 */
public final class SampleReport {

  static final long MS = 1_000_000;

  /** The matrix the model gives: case → transport → status; absent cells are not applicable. */
  static final Map<String, Map<String, String>> MATRIX = Map.of(
      "ordering", Map.of("channel", "OK", "websocket", "FAILED", "sse", "NON-STRICT"),
      "buffer", Map.of("channel", "OK"),
      "reconnect/cap", Map.of("websocket", "FAILED"),
      "throughput", Map.of("channel", "INFORMATIONAL"));

  /** The conditions the model's runs ran under: stressed, the load average rising. */
  static final Conditions CONDITIONS = new Conditions(Optional.of(new Stress(4)),
      Optional.of(new Conditions.LoadAverage(new BigDecimal("0.41"), new BigDecimal("4.00"))));

  private SampleReport() {}

  public static Report build() {
    OrderingChecker ordering = new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));
    String orderingTitle = "300 readings at 100 Hz: every message delivered once, in order";
    List<CaseResult> runs = new ArrayList<>();
    TraceSnapshot clean = streaming(-1, -1);
    runs.add(run("ordering", orderingTitle, "channel", clean, List.of(ordering), 3_250));
    runs.add(run("ordering", orderingTitle, "websocket", streaming(10, -1), List.of(ordering), 3_310));
    runs.add(run("ordering", orderingTitle, "sse", streaming(-1, 20), List.of(ordering), 3_402));
    runs.add(run("buffer", "600 readings into a circular buffer of 200", "channel", buffered(),
        List.of(new BufferChecker(200)), 1_850));
    runs.add(run("reconnect/cap", "server down; 50 ms × 2 capped at 200 ms, no jitter", "websocket",
        reconnecting(), List.of(new ReconnectChecker(new ReconnectPolicy(Duration.ofMillis(50), 2,
            Duration.ofMillis(200), Jitter.NONE, 20, Duration.ofSeconds(1)),
            ReconnectTolerance.DEFAULT)), 2_120));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("messages", 300L);
    Verdict measured = new Verdict("throughput", Status.INFORMATIONAL, counts, Map.of(), null,
        "INFORMATIONAL: 300 messages in 3 s, measured, not judged.");
    runs.add(new CaseResult("throughput", "messages per second, measured", "channel",
        List.of(measured), Duration.ofMillis(3_000), Judgement.of(clean, List.of()).evidence()));
    return new Report("weir conformance: sample <frontend> & \"friends\"", runs,
        Optional.of(CONDITIONS));
  }

  private static CaseResult run(String id, String title, String transport, TraceSnapshot trace,
      List<Checker> checkers, long tookMs) {
    Judgement judged = Judgement.of(trace, checkers);
    return new CaseResult(id, title, transport, judged.verdicts(), Duration.ofMillis(tookMs),
        judged.evidence());
  }

  /** Times of a replay: events are appended in time order on a manual clock. */
  private static final class Replay {
    final ManualWallClock clock = new ManualWallClock(0);
    final Trace trace = Trace.start(clock);

    Replay at(long ns) {
      clock.advance(Math.max(0, ns - trace.nowNs()));
      return this;
    }
  }

  /**
   * 300 messages 10 ms apart on {@code accel}, each delivered 1 to 5.5 ms later (the last 40 ms);
   * {@code swapped} and the next delivered the other way round; {@code dropped} dropped by a fault
   * and never delivered (-1: none).
   */
  private static TraceSnapshot streaming(long swapped, long dropped) {
    List<long[]> events = new ArrayList<>(); // {time, 0 send | 1 delivery | 2 drop, sequence}
    for (long i = 0; i < 300; i++) {
      long sentNs = i * 10 * MS + MS;
      events.add(new long[] {sentNs, 0, i});
      long latencyNs = i == 299 ? 40 * MS : MS + (i % 10) * MS / 2;
      if (i == dropped) {
        events.add(new long[] {sentNs, 2, i});
      } else if (i == swapped || i == swapped + 1) {
        events.add(new long[] {(swapped + 1) * 10 * MS + 2 * MS, 1, i, swapped + 1 - i});
      } else {
        events.add(new long[] {sentNs + latencyNs, 1, i});
      }
    }
    events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])
        .thenComparingLong(e -> e.length > 3 ? e[3] : 0));
    Replay r = new Replay();
    int s = r.trace.stream("accel");
    for (long[] e : events) {
      r.at(e[0]);
      switch ((int) e[1]) {
        case 0 -> r.trace.send(s, e[2], 64, e[0]);
        case 1 -> r.trace.delivery(s, e[2], 64, e[0]);
        default -> r.trace.lifecycle(EventKind.DROP, s, e[2], "fault");
      }
    }
    return r.trace.snapshot();
  }

  /** 600 messages consumed 5 ms apart into a ring of 200, a correct snapshot every 50 ms. */
  private static TraceSnapshot buffered() {
    Replay r = new Replay();
    int s = r.trace.stream("log");
    for (long consumed = 1; consumed <= 600; consumed++) {
      r.at(consumed * 5 * MS).trace.consume(s, consumed - 1, consumed * 5 * MS);
      if (consumed % 10 == 0) {
        int held = (int) Math.min(consumed, 200);
        long[] items = new long[held];
        for (int p = 0; p < held; p++) {
          items[p] = consumed - held + p;
        }
        r.trace.buffer(s, consumed, consumed - held, items, held, r.trace.nowNs());
      }
    }
    return r.trace.snapshot();
  }

  /** An outage with retries after 50, 100, 200, 400 (above the cap) and 200 ms, then open. */
  private static TraceSnapshot reconnecting() {
    Replay r = new Replay();
    int s = r.trace.stream("ws");
    r.at(MS).trace.lifecycle(EventKind.CONNECT_ATTEMPT, s, "websocket");
    r.trace.lifecycle(EventKind.OPEN, s, "connect");
    long ns = 500 * MS;
    r.at(ns).trace.lifecycle(EventKind.CLOSE, s, "closed 1006");
    long[] delays = {50, 100, 200, 400, 200};
    for (int k = 0; k < delays.length; k++) {
      ns += delays[k] * MS;
      r.at(ns).trace.lifecycle(EventKind.CONNECT_ATTEMPT, s, "websocket");
      r.trace.lifecycle(k == delays.length - 1 ? EventKind.OPEN : EventKind.REFUSAL, s,
          k == delays.length - 1 ? "connect" : "down");
    }
    return r.trace.snapshot();
  }
}

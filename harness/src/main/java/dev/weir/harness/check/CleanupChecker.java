package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Judges whether closing a stream, from either side, really ends it: the producer stops within a
 * bound, nothing reaches the page or its application after it closed, a subscription the frontend
 * says it closed is closed, and what the harness samples after each close has settled (listeners,
 * callbacks, heap, open subscriptions) comes back to its baseline, over any number of open/close
 * cycles.
 *
 * <pre>{@code
 * Checker cleanup = new CleanupChecker(Duration.ofMillis(100), Map.of("js-heap-bytes", 1L << 20));
 * Verdict verdict = cleanup.check(trace.snapshot());
 * }</pre>
 *
 * <p>One pass over the trace, plus one to the first violation for its context; per stream, the last
 * {@value CleanupStream#PERIODS} closed periods and one slot per gauge metric. Semantics, counts
 * and bounds: {@code docs/checkers.md}.
 */
public final class CleanupChecker implements Checker {

  private final long stopNs;
  private final Map<String, Long> tolerances;

  /**
   * @param producerStopBound how long after a stream's close (or end) its producer may still send,
   *     and the page may still receive after it unsubscribed: messages in flight; positive
   * @param gaugeTolerances how far each gauge metric may rise above its baseline (its first sample)
   *     in later samples, by metric name, each >= 0; a metric not named may not rise at all
   */
  public CleanupChecker(Duration producerStopBound, Map<String, Long> gaugeTolerances) {
    Objects.requireNonNull(producerStopBound, "producerStopBound");
    Objects.requireNonNull(gaugeTolerances, "gaugeTolerances");
    if (producerStopBound.isNegative() || producerStopBound.isZero()) {
      throw new IllegalArgumentException(
          "the producer stop bound must be positive, got " + producerStopBound);
    }
    Map<String, Long> tolerances = new TreeMap<>();
    gaugeTolerances.forEach(
        (metric, tolerance) -> {
          if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException(
                "gauge tolerances are keyed by metric names such as js-heap-bytes, got "
                    + (metric == null ? "null" : "\"\""));
          }
          if (tolerance == null || tolerance < 0) {
            throw new IllegalArgumentException(
                "the tolerance of gauge \""
                    + metric
                    + "\" must be >= 0 (how far it may rise above its baseline), got "
                    + tolerance);
          }
          tolerances.put(metric, tolerance);
        });
    this.stopNs = Units.nanos(producerStopBound);
    this.tolerances = Collections.unmodifiableMap(tolerances);
  }

  @Override
  public String name() {
    return "cleanup";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    CleanupTally tally = new CleanupTally();
    PageTimes page = PageTimes.of(trace);
    Map<String, CleanupStream> streams = new LinkedHashMap<>();
    TraceCursor event = trace.cursor();
    while (event.next()) {
      EventKind kind = event.kind();
      switch (kind) {
        case OPEN ->
            stream(streams, event, tally).opened(event.index(), event.wallNs(), event.detail());
        case CLOSE, END ->
            stream(streams, event, tally).closed(
                kind, event.index(), event.wallNs(), event.detail(), page.boundAt(event.index()));
        case SEND ->
            stream(streams, event, tally).sent(event.index(), event.sequence(), event.wallNs());
        case DELIVERY ->
            stream(streams, event, tally).delivered(
                event.index(), event.sequence(), event.wallNs(), page.boundAt(event.index()));
        case CONSUME ->
            stream(streams, event, tally).consumed(
                event.index(), event.sequence(), event.wallNs(), page.boundAt(event.index()));
        case GAUGE ->
            stream(streams, event, tally).gauge(event.index(), event.metric(), event.value());
        default -> {} // connection attempts, refusals, drops, faults, buffers, reconnects
      }
    }
    for (CleanupStream stream : streams.values()) {
      stream.finish();
    }
    return new CleanupReport(name(), stopNs, tolerances).verdict(trace, tally, streams.values());
  }

  private CleanupStream stream(
      Map<String, CleanupStream> streams, TraceCursor event, CleanupTally tally) {
    String name = event.stream();
    CleanupStream stream = streams.get(name);
    if (stream == null) {
      stream = new CleanupStream(name, stopNs, tolerances, tally);
      streams.put(name, stream);
    }
    return stream;
  }


  @Override
  public String toString() {
    return name()
        + "[producer stop bound "
        + Units.millis(stopNs)
        + ", gauge tolerances "
        + tolerances
        + "]";
  }
}

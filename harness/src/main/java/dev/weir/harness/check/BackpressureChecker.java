package dev.weir.harness.check;

import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Backpressure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Judges, per stream, whether a slow or stalled consumer is met as declared: what is in flight
 * stays within the bound, only the declared policy drops, and every message sent on an ended stream
 * is consumed or dropped. In flight is end to end — sent, and neither consumed by the frontend's
 * application nor dropped — so a frontend that acknowledges at once but queues without bound, or a
 * backend that queues in front of its window, shows as growth here.
 *
 * <pre>{@code
 * Checker backpressure =
 *     new BackpressureChecker(Policy.BLOCK, 256 + 1, 1 << 20, Duration.ofMillis(5));
 * Verdict verdict = backpressure.check(trace.snapshot());
 * }</pre>
 *
 * <p>One pass over the trace, with a second cursor per stream over its consumes (they are appended
 * late, so they are read by their page time), plus one pass to the first violation for its context.
 * Per stream, a ring of at most twice {@code maxInFlight} sequences (13 bytes each). Semantics,
 * counts and bounds: {@code docs/checkers.md}.
 */
public final class BackpressureChecker implements Checker {

  /** The largest bound on messages in flight: the ring holding twice as many must fit an array. */
  public static final int MAX_IN_FLIGHT = 1 << 24;

  private static final int SMALLEST_RING = 64;

  /** Each policy's drop detail, by ordinal. */
  private static final String[] LABELS = new String[Backpressure.Policy.values().length];

  static {
    for (Backpressure.Policy p : Backpressure.Policy.values()) {
      LABELS[p.ordinal()] = p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Backpressure.Policy policy;
  private final int maxInFlight;
  private final long maxInFlightBytes;
  private final long toleranceNs;
  private final int ring;

  /**
   * @param policy the drop policy the window declares; {@link Backpressure.Policy#BLOCK} allows no
   *     window drop at all
   * @param maxInFlight the most messages that may be in flight at a send, that send included (1 to
   *     {@link #MAX_IN_FLIGHT}); the caller derives it from the window and the policy
   * @param maxInFlightBytes the most payload bytes that may be in flight at a send, positive
   * @param clockTolerance how much later than a send a consume may be timed and still count as
   *     before it: the error of converting the page's clock to the trace's; zero or more
   */
  public BackpressureChecker(
      Backpressure.Policy policy, int maxInFlight, long maxInFlightBytes, Duration clockTolerance) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(clockTolerance, "clockTolerance");
    if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
      throw new IllegalArgumentException(
          "maxInFlight must be 1 to "
              + MAX_IN_FLIGHT
              + " messages (the window, plus what the policy lets wait), got "
              + maxInFlight);
    }
    if (maxInFlightBytes < 1) {
      throw new IllegalArgumentException(
          "maxInFlightBytes must be at least 1 byte, got " + maxInFlightBytes);
    }
    if (clockTolerance.isNegative()) {
      throw new IllegalArgumentException(
          "the clock tolerance must be zero or more, got " + clockTolerance);
    }
    this.policy = policy;
    this.maxInFlight = maxInFlight;
    this.maxInFlightBytes = maxInFlightBytes;
    this.toleranceNs = Units.nanos(clockTolerance);
    this.ring = Math.max(SMALLEST_RING, Integer.highestOneBit(2 * maxInFlight - 1) << 1);
  }

  @Override
  public String name() {
    return "backpressure";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    BackpressureTally tally = new BackpressureTally();
    // A consume's time is the page's, converted: it may come out as late as the page clock's bound.
    long boundNs = PageTimes.of(trace).worstBound();
    long lenienceNs = Units.plus(toleranceNs, boundNs);
    Map<String, BackpressureStream> streams = new LinkedHashMap<>();
    String declared = label(policy);
    TraceCursor event = trace.cursor(EventFilter.of(EventKind.SEND, EventKind.DROP, EventKind.END));
    while (event.next()) {
      EventKind kind = event.kind();
      String name = event.stream();
      if (kind == EventKind.SEND) {
        BackpressureStream stream = streams.get(name);
        if (stream == null) {
          stream = new BackpressureStream(name, consumes(trace, name), ring, tally);
          streams.put(name, stream);
        }
        long wallNs = event.wallNs();
        long dueNs = wallNs > Long.MAX_VALUE - lenienceNs ? Long.MAX_VALUE : wallNs + lenienceNs;
        stream.sent(event.sequence(), event.sizeBytes(), event.index(), dueNs);
        judge(stream, event.sequence(), event.index(), tally);
      } else if (kind == EventKind.DROP) {
        dropped(streams.get(name), event, declared, tally);
      } else {
        BackpressureStream stream = streams.get(name);
        if (stream != null) {
          stream.ended(event.index());
        }
      }
    }
    for (BackpressureStream stream : streams.values()) {
      stream.finish(policy == Backpressure.Policy.LATEST_ONLY);
    }
    return new BackpressureReport(name(), policy, maxInFlight, maxInFlightBytes, toleranceNs,
        boundNs).verdict(trace, tally);
  }

  /** What was in flight at a send, against the bounds. */
  private void judge(BackpressureStream stream, long sequence, long at, BackpressureTally tally) {
    long messages = stream.inFlight();
    long bytes = stream.inFlightBytes();
    tally.inFlight(messages, bytes);
    if (messages > maxInFlight) {
      tally.found(BackpressureDefect.OVER_WINDOW, stream.name(), sequence, at, messages, "");
    }
    if (bytes > maxInFlightBytes) {
      tally.found(BackpressureDefect.OVER_BYTES, stream.name(), sequence, at, bytes, "");
    }
  }

  /**
   * A drop event: judged against the policy when a window policy made it (a fault's or the resume
   * buffer's is not the window's), and settling its message in either case.
   */
  private void dropped(
      BackpressureStream stream, TraceCursor event, String declared, BackpressureTally tally) {
    String detail = event.detail();
    boolean window = isWindowPolicy(detail);
    tally.countDrop(window);
    long sequence = event.sequence();
    if (window) {
      boolean allowed = policy != Backpressure.Policy.BLOCK && detail.equals(declared);
      tally.found(
          allowed ? BackpressureDefect.DROPPED : BackpressureDefect.POLICY_VIOLATED,
          event.stream(),
          sequence,
          event.index(),
          0,
          detail);
    }
    if (stream != null && sequence != TraceEvent.ABSENT) {
      stream.dropped(sequence, window);
    }
  }

  private static TraceCursor consumes(TraceSnapshot trace, String stream) {
    return trace.cursor(EventFilter.of(EventKind.CONSUME).onStream(stream));
  }

  /** {@code drop-oldest}: the detail the transport's window records its drops with. */
  static String label(Backpressure.Policy policy) {
    return LABELS[policy.ordinal()];
  }

  private static boolean isWindowPolicy(String detail) {
    for (String label : LABELS) {
      if (detail.equals(label)) {
        return true;
      }
    }
    return false;
  }


  @Override
  public String toString() {
    return name()
        + "["
        + label(policy)
        + ", at most "
        + maxInFlight
        + " messages and "
        + maxInFlightBytes
        + " bytes in flight, clock tolerance "
        + Units.millis(toleranceNs)
        + "]";
  }
}

package dev.weir.scenarios.scenario;

import dev.weir.harness.check.BackpressureChecker;
import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.Backpressure.Policy;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One entry of {@code expect:}: a checker and its settings, resolved from the file (defaults filled
 * in, {@code same-as-frontend} replaced by the frontend's backoff) so that {@link #checker()} needs
 * nothing else. The one place the scenario model builds harness objects.
 */
public sealed interface Expectation {

  /** The expectations' keys, in the order the format lists them. */
  List<String> KEYS = List.of("ordering", "cleanup", "backpressure", "reconnect", "buffer");


  /** The key under {@code expect:}: ordering, cleanup, backpressure, reconnect, buffer. */
  String key();

  /** The harness checker that judges this expectation; a new one on each call. */
  Checker checker();

  /**
   * {@code ordering: {arrivals, stall}}: every message arrives once, in order, within {@code
   * stallNs} of its send. (A file's obsolete {@code window} is read and dropped: the checker has
   * none.)
   *
   * @param arrivals {@link EventKind#CONSUME} (the application's view) or {@link EventKind#DELIVERY}
   */
  record Ordering(EventKind arrivals, long stallNs) implements Expectation {

    public static final long DEFAULT_STALL_NS = 1_000_000_000L;

    @Override
    public String key() {
      return "ordering";
    }

    @Override
    public Checker checker() {
      return new OrderingChecker(arrivals, Duration.ofNanos(stallNs));
    }
  }

  /**
   * {@code cleanup: {within, gauges}}: after a close the producer stops within {@code withinNs} and
   * every gauge returns to its baseline within its tolerance.
   *
   * @param gaugeTolerances by metric name (sorted), each 0 or more; a metric not named may not rise
   *     at all
   */
  record Cleanup(long withinNs, Map<String, Long> gaugeTolerances) implements Expectation {

    public static final long DEFAULT_WITHIN_NS = 250_000_000L;
    /** The gauge tolerances a file's {@code gauges} add to or override: the JS heap within 1 MiB. */
    public static final Map<String, Long> DEFAULT_GAUGES = Map.of("js-heap-bytes", 1L << 20);

    public Cleanup {
      gaugeTolerances = Collections.unmodifiableMap(new TreeMap<>(gaugeTolerances));
    }

    @Override
    public String key() {
      return "cleanup";
    }

    @Override
    public Checker checker() {
      return new CleanupChecker(Duration.ofNanos(withinNs), gaugeTolerances);
    }
  }

  /**
   * {@code backpressure: {max_in_flight, max_in_flight_bytes, clock_tolerance}}, judged against the
   * transport window's policy.
   *
   * @param maxInFlight 1 to {@link #MAX_IN_FLIGHT}
   * @param maxInFlightBytes 1 or more
   * @param clockToleranceNs 0 or more
   */
  record Backpressure(Policy policy, int maxInFlight, long maxInFlightBytes, long clockToleranceNs)
      implements Expectation {

    public static final int MAX_IN_FLIGHT = BackpressureChecker.MAX_IN_FLIGHT;
    public static final long DEFAULT_CLOCK_TOLERANCE_NS = 5_000_000L;

    @Override
    public String key() {
      return "backpressure";
    }

    @Override
    public Checker checker() {
      return new BackpressureChecker(policy, maxInFlight, maxInFlightBytes, Duration.ofNanos(clockToleranceNs));
    }
  }

  /**
   * {@code reconnect: {policy, tolerance, resumes}}: the attempts the server saw against the backoff.
   *
   * @param resumes whether a resumed stream must neither lose nor repeat messages across an outage
   */
  record Reconnect(Backoff policy, Tolerance tolerance, boolean resumes) implements Expectation {

    @Override
    public String key() {
      return "reconnect";
    }

    @Override
    public Checker checker() {
      ReconnectPolicy backoff = new ReconnectPolicy(Duration.ofNanos(policy.baseNs()), policy.factor(),
          Duration.ofNanos(policy.maxNs()), policy.jitter(), policy.maxAttempts(),
          Duration.ofNanos(policy.resetAfterNs()));
      ReconnectTolerance leeway = new ReconnectTolerance(Duration.ofNanos(tolerance.earlyNs()),
          Duration.ofNanos(tolerance.lateNs()), tolerance.lateRatio());
      return new ReconnectChecker(backoff, leeway, resumes);
    }
  }

  /**
   * How far observed reconnect delays may stray from the backoff's envelopes: {@code tolerance:
   * {early, late, late_ratio}}.
   *
   * @param earlyNs 0 to a day
   * @param lateNs 0 to a day
   * @param lateRatio finite, 0 or more
   */
  record Tolerance(long earlyNs, long lateNs, double lateRatio) {

    /** The harness's {@code ReconnectTolerance.DEFAULT}: 2 ms early, 40 ms or 25 % late. */
    public static final Tolerance DEFAULT = new Tolerance(ReconnectTolerance.DEFAULT.earlyNs(),
        ReconnectTolerance.DEFAULT.lateNs(), ReconnectTolerance.DEFAULT.lateRatio());
  }

  /**
   * {@code buffer: {capacity, heap_tolerance}}: the frontend's circular buffer holds at most
   * {@code capacity}, exactly the newest, and, when a heap tolerance is declared, the heap stays
   * flat once it is full (the run then samples the heap, and a run too short to judge it is
   * INCONCLUSIVE).
   *
   * @param capacity 1 to {@link #MAX_CAPACITY}
   * @param heapToleranceBytes 0 or more; empty when memory is not judged
   */
  record Buffer(int capacity, OptionalLong heapToleranceBytes) implements Expectation {

    public static final int MAX_CAPACITY = BufferChecker.MAX_CAPACITY;
    /** config.js's default capacity, for a file that sets none. */
    public static final int DEFAULT_CAPACITY = 500;

    @Override
    public String key() {
      return "buffer";
    }

    @Override
    public Checker checker() {
      return heapToleranceBytes.isPresent()
          ? new BufferChecker(capacity, heapToleranceBytes.getAsLong())
          : new BufferChecker(capacity);
    }
  }
}

package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One stream's closed periods and gauges. A closed period starts at the first close or end after an
 * open and lasts until the next open. Java's events (sends, opens, closes) come in time order, but
 * the page's (deliveries, consumes) are reported late, after later Java events; so the last {@link
 * #PERIODS} closed periods are kept in a ring of primitive columns, and a page event is judged
 * against the period its own time falls in.
 */
final class CleanupStream {

  /**
   * How many closed periods a stream keeps. Page reports trail by a batch (about 50 ms, at most a
   * few hundred); a report more than this many open/close cycles late is counted, not judged.
   */
  static final int PERIODS = 64;

  /** The close details that say the page itself closed the stream. */
  private static final Set<String> PAGE_CLOSES =
      Set.of("unsubscribe", "unlisten", "abort", "reload");

  private static final String FRONTEND = "frontend";
  private static final long NONE = TraceEvent.ABSENT;

  private final String name;
  private final long stopNs;
  private final Map<String, Long> tolerances;
  private final CleanupTally tally;
  private final Map<String, CleanupGauge> gauges = new HashMap<>();

  private final long[] startNs = new long[PERIODS];
  private final long[] startIndex = new long[PERIODS];
  private final String[] startDetail = new String[PERIODS];
  private final long[] endNs = new long[PERIODS];
  private final long[] pageCloseNs = new long[PERIODS];
  private final long[] pageCloseIndex = new long[PERIODS];
  private final String[] pageCloseDetail = new String[PERIODS];
  private final long[] frontendCloseNs = new long[PERIODS];
  private final long[] frontendCloseIndex = new long[PERIODS];
  private final long[] frontendCloseBound = new long[PERIODS];
  private final boolean[] javaClosed = new boolean[PERIODS];
  private int newest = -1;
  private long periods;
  private boolean closed;
  private long openIndex = NONE;
  private String openDetail;

  CleanupStream(String name, long stopNs, Map<String, Long> tolerances, CleanupTally tally) {
    this.name = name;
    this.stopNs = stopNs;
    this.tolerances = tolerances;
    this.tally = tally;
    tally.countStream();
  }

  void opened(long index, long wallNs, String detail) {
    tally.countLifecycle(EventKind.OPEN);
    if (closed) {
      endNs[newest] = wallNs;
      closed = false;
    }
    openIndex = index;
    openDetail = detail;
  }

  /**
   * A close (any detail) or an end, at Java's time {@code wallNs}; a frontend's close at the page's,
   * converted with the page clock's bound {@code boundNs}.
   */
  void closed(EventKind kind, long index, long wallNs, String detail, long boundNs) {
    tally.countLifecycle(kind);
    if (!closed) {
      newest = (newest + 1) % PERIODS;
      periods++;
      startNs[newest] = wallNs;
      startIndex[newest] = index;
      startDetail[newest] = kind == EventKind.END ? "end" : detail;
      endNs[newest] = Long.MAX_VALUE;
      pageCloseNs[newest] = NONE;
      frontendCloseNs[newest] = NONE;
      javaClosed[newest] = false;
      closed = true;
      tally.countClosedPeriod();
    }
    if (kind == EventKind.CLOSE && FRONTEND.equals(detail)) {
      if (frontendCloseNs[newest] == NONE) {
        frontendCloseNs[newest] = wallNs;
        frontendCloseIndex[newest] = index;
        frontendCloseBound[newest] = boundNs;
      }
      return;
    }
    javaClosed[newest] = true;
    if (kind == EventKind.CLOSE && PAGE_CLOSES.contains(detail) && pageCloseNs[newest] == NONE) {
      pageCloseNs[newest] = wallNs;
      pageCloseIndex[newest] = index;
      pageCloseDetail[newest] = detail;
    }
  }

  void sent(long index, long sequence, long wallNs) {
    int p = period(wallNs, 0);
    if (p < 0) {
      return;
    }
    long afterNs = wallNs - startNs[p];
    tally.producedAfterClose(afterNs);
    if (afterNs > stopNs) {
      tally.found(
          CleanupDefect.KEPT_PRODUCING,
          name,
          index,
          sequence,
          afterNs,
          startIndex[p],
          startDetail[p],
          0);
    }
  }

  /**
   * A delivery the page received at {@code wallNs} (page time, in trace time, within {@code
   * boundNs} of the truth): judged against the page's close, Java's time of it, and only beyond the
   * bound.
   */
  void delivered(long index, long sequence, long wallNs, long boundNs) {
    int p = period(wallNs, boundNs);
    if (p >= 0 && pageCloseNs[p] != NONE && wallNs - pageCloseNs[p] > Units.plus(stopNs, boundNs)) {
      tally.found(
          CleanupDefect.DELIVERED_AFTER_CLOSE,
          name,
          index,
          sequence,
          wallNs - pageCloseNs[p],
          pageCloseIndex[p],
          pageCloseDetail[p],
          boundNs);
    }
  }

  /**
   * A message the frontend handed to its application at {@code wallNs} (page time, within {@code
   * boundNs}): judged against the frontend's close, also the page's time, beyond the larger of the
   * two bounds (the clock's conversion may have tightened between them).
   */
  void consumed(long index, long sequence, long wallNs, long boundNs) {
    int p = period(wallNs, boundNs);
    if (p < 0 || frontendCloseNs[p] == NONE) {
      return;
    }
    long allowed = Math.max(boundNs, frontendCloseBound[p]);
    if (wallNs - frontendCloseNs[p] > allowed) {
      tally.found(
          CleanupDefect.CONSUMED_AFTER_CLOSE,
          name,
          index,
          sequence,
          wallNs - frontendCloseNs[p],
          frontendCloseIndex[p],
          FRONTEND,
          allowed);
    }
  }

  void gauge(long index, String metric, long value) {
    CleanupGauge gauge = gauges.get(metric);
    if (gauge == null) {
      gauge = new CleanupGauge(metric, tolerances.getOrDefault(metric, 0L));
      gauges.put(metric, gauge);
    }
    gauge.sample(name, index, value, tally);
  }

  /**
   * At the end of the trace: a stream whose last open was followed only by the frontend's claim to
   * have closed it was never closed.
   */
  void finish() {
    if (closed && openIndex != NONE && !javaClosed[newest] && frontendCloseNs[newest] != NONE) {
      tally.found(
          CleanupDefect.NEVER_CLOSED,
          name,
          frontendCloseIndex[newest],
          NONE,
          0,
          openIndex,
          openDetail,
          0);
    }
  }

  Collection<CleanupGauge> gauges() {
    return gauges.values();
  }

  /**
   * The closed period that time {@code ns} falls in, or -1 if it falls in none (the stream was
   * open, or had not closed yet, or the period is older than those kept). A page time within its
   * bound {@code boundNs} of the period's end (the next open) may belong to the subscription that
   * open began, so it is placed in none: the first message of a new subscription, converted a
   * fraction of a millisecond early, is never judged against the close before it.
   */
  private int period(long ns, long boundNs) {
    int kept = (int) Math.min(periods, PERIODS);
    for (int k = 0; k < kept; k++) {
      int p = Math.floorMod(newest - k, PERIODS);
      if (startNs[p] <= ns) {
        return ns < Units.plus(endNs[p], -boundNs) ? p : -1;
      }
    }
    if (periods > PERIODS) {
      tally.countBeyondHistory();
    }
    return -1;
  }
}

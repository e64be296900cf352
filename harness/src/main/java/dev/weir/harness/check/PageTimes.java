package dev.weir.harness.check;

import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.Arrays;

/**
 * How far a trace's page times can be trusted, for checkers whose judgments cross from the page's
 * clock to Java's or time a wait the page's event loop took part in: the page clock's error bound
 * in force at each event ({@code clock} events), and how long the page's event loop was held in a
 * span of time ({@code lag} events). A trace without clock events was not timed by a page (a test's
 * or a synthetic one): its times are taken as exact.
 *
 * <p>Public for checkers of one's own, which meet the same page times: a judgment that orders a
 * page time against a Java time allows {@link #boundAt}, and one that times a wait allows {@link
 * #heldNs}. Built by one pass over the clock and lag events only (skipped when there are none).
 * The clock's bound changes a few times per run; lags are kept as two sorted arrays, 16 bytes a
 * late timer (a monitor tick is reported only when it ran at least 2 ms late).
 */
public final class PageTimes {

  /** The bound before the page's clock was bounded: no cross-clock judgment can be made. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  private static final PageTimes EXACT = new PageTimes(new long[0], new long[0], new long[0],
      new long[0], 0, false);

  /**
   * The lag monitor's period (bridge.js): a tick is due at least this often while the page's event
   * loop is free. So a hold that a tick ran late by L ended when the tick ran and began at most one
   * period before the tick was due; and a tick that ran late by the same hold as an event ran
   * within a period of it.
   */
  static final long AROUND_NS = 10_000_000;

  private final long[] boundFrom; // event index from which boundNs[i] holds
  private final long[] boundNs;
  private final long[] firedNs; // lag samples, by firing time
  private final long[] lagNs;
  private final long[] heldBefore; // the held spans' lengths of samples 0 .. i-1, summed
  private final long maxLagNs;
  private final long marginNs; // AROUND_NS plus the loosest bound, between Java's times and these
  private final boolean clocked;

  private PageTimes(long[] boundFrom, long[] boundNs, long[] firedNs, long[] lagNs, long maxLagNs,
      boolean clocked) {
    this.boundFrom = boundFrom;
    this.boundNs = boundNs;
    this.firedNs = firedNs;
    this.lagNs = lagNs;
    this.maxLagNs = maxLagNs;
    this.clocked = clocked;
    this.heldBefore = new long[firedNs.length + 1];
    for (int i = 0; i < firedNs.length; i++) {
      heldBefore[i + 1] = heldBefore[i] + lagNs[i] + AROUND_NS;
    }
    long worst = 0;
    for (long bound : boundNs) {
      if (bound != UNKNOWN) {
        worst = Math.max(worst, bound);
      }
    }
    this.marginNs = AROUND_NS + worst;
  }

  /** The page times of {@code trace}. */
  public static PageTimes of(TraceSnapshot trace) {
    long clocks = trace.count(EventFilter.of(EventKind.CLOCK));
    long lags = trace.count(EventFilter.of(EventKind.LAG));
    if (clocks == 0 && lags == 0) {
      return EXACT;
    }
    long[] boundFrom = new long[(int) clocks];
    long[] bounds = new long[(int) clocks];
    long[] fired = new long[(int) lags];
    long[] lag = new long[(int) lags];
    int c = 0;
    int l = 0;
    long maxLag = 0;
    TraceCursor event = trace.cursor(EventFilter.of(EventKind.CLOCK, EventKind.LAG));
    while (event.next()) {
      if (event.kind() == EventKind.CLOCK) {
        boundFrom[c] = event.index();
        bounds[c++] = event.value();
      } else {
        fired[l] = event.wallNs();
        lag[l++] = event.value();
        maxLag = Math.max(maxLag, event.value());
      }
    }
    sortByFiring(fired, lag);
    return new PageTimes(boundFrom, bounds, fired, lag, maxLag, clocks > 0);
  }

  /**
   * One page's lags arrive in its time order; several pages' interleave. An insertion sort is
   * linear on the first and fine for the few lags of the second.
   */
  private static void sortByFiring(long[] fired, long[] lag) {
    for (int i = 1; i < fired.length; i++) {
      long f = fired[i];
      long g = lag[i];
      int j = i - 1;
      for (; j >= 0 && fired[j] > f; j--) {
        fired[j + 1] = fired[j];
        lag[j + 1] = lag[j];
      }
      fired[j + 1] = f;
      lag[j + 1] = g;
    }
  }

  /**
   * The page clock's error bound for a page time recorded at event {@code index}: the bound last
   * recorded before it; {@link #UNKNOWN} before the first, and 0 in a trace no page timed.
   */
  public long boundAt(long index) {
    if (!clocked) {
      return 0;
    }
    int i = Arrays.binarySearch(boundFrom, index);
    int last = i >= 0 ? i - 1 : -i - 2; // the clock event strictly before index
    return last < 0 ? UNKNOWN : boundNs[last];
  }

  /** The loosest bound the run had once bounded (0 in a trace no page timed). */
  public long worstBound() {
    return marginNs - AROUND_NS;
  }

  /**
   * How long, of the span {@code [fromNs, toNs]}, the page's event loop was held: the sum of the
   * late timers' held spans within it (each from a period before the tick was due). Messages
   * waiting for the page in that span wait through every one of them: what a stall allows. Sums
   * kept in order of firing answer it in the time of the few holds at its two ends.
   */
  public long heldNs(long fromNs, long toNs) {
    if (firedNs.length == 0 || toNs <= fromNs) {
      return 0;
    }
    int from = first(fromNs);
    int to = first(toNs + 1);
    long held = heldBefore[to] - heldBefore[from]; // the holds that ended within the span
    for (int i = from; i < to && firedNs[i] - maxLagNs - AROUND_NS < fromNs; i++) {
      held -= Math.max(0, fromNs - heldFrom(i)); // less what of them came before it
    }
    for (int i = to; i < firedNs.length && firedNs[i] - maxLagNs - AROUND_NS < toNs; i++) {
      held += Math.max(0, toNs - Math.max(fromNs, heldFrom(i))); // and what came before its end
    }
    return held;
  }

  /**
   * How late a task that ran at {@code atNs} may have run because the page's event loop was held:
   * the longest lateness of weir's timers that ran within a monitor period (and the clock's bound)
   * of it, as a hold delays every timer due in it to its end. What a timed wait allows at its end.
   */
  public long lateNs(long atNs) {
    long late = 0;
    for (int i = first(atNs - marginNs); i < firedNs.length && firedNs[i] <= atNs + marginNs;
        i++) {
      late = Math.max(late, lagNs[i]);
    }
    return late;
  }

  /**
   * How long after Java's moment {@code atNs} the page's event loop stayed held, if it was held
   * then or a hold began within a monitor period (and the clock's bound) after: what happened at
   * that moment takes a few milliseconds to reach the page's loop, across processes, and a hold
   * that began meanwhile holds it as well. How late the page heard of it: what a timed wait allows
   * at its start.
   */
  public long stillHeldNs(long atNs) {
    long held = 0;
    for (int i = first(atNs); i < firedNs.length && firedNs[i] - maxLagNs - AROUND_NS
        <= atNs + marginNs; i++) {
      if (heldFrom(i) <= atNs + marginNs) {
        held = Math.max(held, firedNs[i] - atNs);
      }
    }
    return held;
  }

  /**
   * The earliest the hold that sample {@code i} ran late by may have begun: a period before the
   * tick was due (the tick before it ran then, the loop free).
   */
  private long heldFrom(int i) {
    return firedNs[i] - lagNs[i] - AROUND_NS;
  }

  /** The first lag sample that ran at or after {@code ns}. */
  private int first(long ns) {
    int i = Arrays.binarySearch(firedNs, ns);
    i = i >= 0 ? i : -i - 1;
    while (i > 0 && firedNs[i - 1] >= ns) {
      i--;
    }
    return i;
  }
}

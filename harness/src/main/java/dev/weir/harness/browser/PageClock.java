package dev.weir.harness.browser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A page's clock read on Java's ({@link System#nanoTime()}), with a stated error bound.
 *
 * <p>The page times its reports with {@code performance.timeOrigin + performance.now()}, one clock
 * for every document of the page (measured over a navigation and reloads: every document's offset
 * to Java's within 0.2 ms of the others'; an origin comes from the wall clock, so documents whose
 * origins were taken across a slew of it could differ by more, which the self-check below would
 * catch rather than judge on). Java cannot read it directly, so
 * the offset between the two clocks is known only as an interval, narrowed by every message that
 * crosses:
 *
 * <ul>
 *   <li>a message the page sent at its time {@code p} and Java received at {@code r} says the
 *       offset is at most {@code r - p} ({@link #heard}): the upper end;
 *   <li>something Java sent at {@code s} that the page had at its time {@code p} (a delivery, the
 *       answer to a ping) says it is at least {@code s - p} ({@link #reached}, {@link #pinged}): the
 *       lower end.
 * </ul>
 *
 * A page time is converted with the upper end, so it comes out at most the interval's width late
 * and never early but for the reading error; {@link #boundNs()} is that width plus the reading
 * error on both sides. Judgments that cross from the page's clock to Java's allow it. Each end
 * keeps the best sample so far (the two clocks do not drift: both run on CLOCK_MONOTONIC), so the
 * bound only tightens, and a slow report or a busy renderer only widens nothing.
 *
 * <p>The interval is also a self-check: a lower end above the upper one (beyond the reading
 * error) means a delivery came out before its send, which no page can do. That is weir's fault,
 * not the frontend's: {@link #fault()} holds the first one, and a run that has one is an internal
 * error rather than a verdict.
 */
public final class PageClock {

  /**
   * How far one reading of the page's clock may be from the truth: Chromium coarsens {@code
   * performance.now()} and {@code performance.timeOrigin} to 100 µs each, with jitter, so a page
   * time is within ±0.2 ms of when it was read; 0.25 ms is stated.
   */
  public static final long READING_ERROR_NS = 250_000;

  /** The bound before the page and Java have exchanged a message each way. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  /** A new bound is recorded once it is this much tighter than the last one told. */
  private static final long TIGHTER_BY_NS = 20_000;

  private static final long NONE = Long.MAX_VALUE;

  private final List<LongConsumer> boundListeners = new CopyOnWriteArrayList<>();
  private long upperNs = NONE; // the offset Java - page is at most this, less reading error
  private long lowerNs = -NONE; // ... and at least this, plus reading error
  private long toldBoundNs = UNKNOWN;
  private String fault;

  PageClock() {}

  /**
   * A message the page sent at its time {@code nowMs} of the document whose time origin is {@code
   * origin} (ms since the epoch) reached Java at {@code arrivalNanos}.
   */
  public synchronized void heard(double origin, double nowMs, long arrivalNanos) {
    upperNs = Math.min(upperNs, arrivalNanos - pageNanos(origin, nowMs));
    if (lowerNs != -NONE && lowerNs - upperNs > 2 * READING_ERROR_NS) {
      fail("a report from the page arrived " + millis(lowerNs - upperNs) + " before the page's"
          + " clock, as pings and deliveries place it, says it was sent");
      return;
    }
    boundChanged();
  }

  /**
   * Something Java sent at {@code sentNanos} was in the page at the page time that {@link
   * #nanoTimeOf} converts to {@code convertedNanos} (both on one clock: Java's, or a trace's time
   * read from it, whose origin cancels out).
   *
   * @param what names it, for the fault message should it have reached the page before it was sent
   * @return false when it would have, beyond the reading error: a fault of the conversion
   */
  public synchronized boolean reached(long sentNanos, long convertedNanos, String what) {
    if (upperNs == NONE) {
      throw new IllegalStateException("no page time has been converted yet");
    }
    long earlyNs = sentNanos - convertedNanos;
    lowerNs = Math.max(lowerNs, upperNs + earlyNs);
    if (earlyNs > 2 * READING_ERROR_NS) {
      fail(what + " came out " + millis(earlyNs) + " before it was sent, beyond the page clock's"
          + " reading error of " + millis(2 * READING_ERROR_NS));
      return false;
    }
    boundChanged();
    return true;
  }

  /**
   * A ping Java sent at {@code sentNanos} was answered at {@code answeredNanos}; the page read its
   * clock in between, at {@code nowMs} of the document whose time origin is {@code origin}.
   */
  public synchronized void pinged(
      long sentNanos, double origin, double nowMs, long answeredNanos) {
    long pageNs = pageNanos(origin, nowMs);
    upperNs = Math.min(upperNs, answeredNanos - pageNs);
    lowerNs = Math.max(lowerNs, sentNanos - pageNs);
    if (lowerNs - upperNs > 2 * READING_ERROR_NS) {
      fail("a ping answered " + millis(answeredNanos - sentNanos) + " after it was sent puts the"
          + " page's clock " + millis(lowerNs - upperNs) + " past where its reports put it");
      return;
    }
    boundChanged();
  }

  /**
   * The page time {@code atMs} of the document whose time origin is {@code origin}, on Java's
   * clock: at most {@link #boundNs()} from the truth.
   *
   * @throws IllegalStateException before the page has sent Java anything
   */
  public synchronized long nanoTimeOf(double origin, double atMs) {
    if (upperNs == NONE) {
      throw new IllegalStateException("no message from the page has reached Java yet");
    }
    return pageNanos(origin, atMs) + upperNs;
  }

  /**
   * How far a converted page time may be from when the page really read its clock, either way:
   * the offset interval's width plus the reading error on each side; {@link #UNKNOWN} before a
   * message has crossed each way.
   */
  public synchronized long boundNs() {
    return upperNs == NONE || lowerNs == -NONE
        ? UNKNOWN
        : Math.max(0, upperNs - lowerNs) + 2 * READING_ERROR_NS;
  }

  /**
   * A report the page sent at {@code nowMs} (document {@code origin}), arrived at {@code
   * arrivalNanos}, of something the page did at {@code atMs}: samples the clock with the report and
   * hands {@code record} that moment on Java's clock, with the clock held still, so what it records
   * is covered by the bound last told.
   */
  public synchronized void place(
      double origin, double nowMs, long arrivalNanos, double atMs, LongConsumer record) {
    heard(origin, nowMs, arrivalNanos);
    record.accept(nanoTimeOf(origin, atMs));
  }

  /**
   * Runs {@code recording} with the clock held still: no sample changes the conversion or its bound
   * meanwhile, so events converted and recorded inside are covered by the bound last told to
   * {@link #onBound} listeners.
   */
  public synchronized void holding(Runnable recording) {
    recording.run();
  }

  /**
   * Tells {@code listener} the bound now and whenever it tightens (by at least 20 µs), under the
   * clock's lock: page times converted after a call are covered by the bound it gave.
   */
  public synchronized void onBound(LongConsumer listener) {
    boundListeners.add(listener);
    listener.accept(toldBoundNs);
  }

  /** The first impossibility the clock met: a fault of weir's, with its evidence. */
  public synchronized Optional<String> fault() {
    return Optional.ofNullable(fault);
  }

  private void boundChanged() {
    long bound = boundNs();
    if (bound <= toldBoundNs - TIGHTER_BY_NS || (toldBoundNs == UNKNOWN && bound != UNKNOWN)) {
      toldBoundNs = bound;
      boundListeners.forEach(listener -> listener.accept(bound));
    }
  }

  private void fail(String message) {
    if (fault == null) {
      fault = message + " (the clock's bound was " + (upperNs == NONE || lowerNs == -NONE
          ? "not known yet" : millis(Math.max(0, upperNs - lowerNs) + 2 * READING_ERROR_NS)) + ")";
    }
  }

  /**
   * Origin plus now, in ns: microseconds are exact for an origin (Chromium coarsens it to 100 µs),
   * and nanoseconds of the sum would round at this magnitude.
   */
  private static long pageNanos(double origin, double atMs) {
    return Math.round(origin * 1e3) * 1_000L + Math.round(atMs * 1e6);
  }

  private static String millis(long ns) {
    return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
  }
}

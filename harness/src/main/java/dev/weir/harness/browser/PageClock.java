package dev.weir.harness.browser;

import java.util.function.LongSupplier;

/**
 * A page's clock read on Java's. A report the page sends carries its send time; the gap to its
 * arrival is the clocks' offset plus the report's trip, and a trip can take hundreds of
 * milliseconds when the renderer is busy. So the offset is estimated as the smallest gap seen so
 * far (the report that travelled fastest), not each report's own: page times then come out at most
 * that fastest trip late, however slow a particular report was.
 *
 * <p>The estimate spans the page's documents. Each document's {@code performance.now()} counts
 * from its own {@code performance.timeOrigin}, but origin plus now is one clock for every document
 * of the page (measured over six reloads: each document's smallest gap within 0.22 ms of the
 * others'). An estimate per document started over at each reload, where the new document's first
 * reports are the slowest of the run; a cleanup run then placed deliveries 258 ms late, after a
 * close they had preceded.
 */
public final class PageClock {

  private static final long NONE = Long.MAX_VALUE;

  private final LongSupplier nanoTime;
  private long offsetNs = NONE;

  PageClock() {
    this(System::nanoTime);
  }

  /** A clock whose arrivals are read from {@code nanoTime} (tests pass their own). */
  PageClock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Notes a report a document of the page (time origin {@code origin}, in milliseconds since the
   * epoch) sent at its time {@code nowMs}, arriving now.
   *
   * @return that document's time now, in nanoseconds of its clock, as best estimated: never
   *     earlier than {@code nowMs}
   */
  public synchronized long arrived(double origin, double nowMs) {
    long arrival = nanoTime.getAsLong();
    // Microseconds are exact for an origin (Chromium coarsens it to 100 us); nanoseconds of the
    // sum would round at this magnitude.
    long originNs = Math.round(origin * 1e3) * 1_000L;
    long sentNs = originNs + Math.round(nowMs * 1e6);
    offsetNs = Math.min(offsetNs, arrival - sentNs);
    return arrival - offsetNs - originNs;
  }
}

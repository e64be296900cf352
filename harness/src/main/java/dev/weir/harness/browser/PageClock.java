package dev.weir.harness.browser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's clock ({@code performance.now()}) read on Java's. A report the page sends carries its
 * send time; the gap to its arrival is the clocks' offset plus the report's trip, and a trip can
 * take tens of milliseconds when the renderer is busy. So the offset is estimated as the smallest
 * gap seen so far (the report that travelled fastest), not each report's own: page times then come
 * out at most that fastest trip late, however slow a particular report was. Each document has its
 * own clock (its {@code performance.timeOrigin}), so each gets its own estimate; a reload's last
 * reports from the old document may arrive after the new document's first.
 */
public final class PageClock {

  /** Documents remembered: the current one and the few before it whose reports may still come. */
  private static final int DOCUMENTS = 4;

  private final Map<Double, Long> offsetsNs =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Double, Long> eldest) {
          return size() > DOCUMENTS;
        }
      };

  PageClock() {}

  /**
   * Notes a report a document of the page (time origin {@code origin}) sent at its time {@code
   * nowMs}, arriving now.
   *
   * @return that document's time now, in nanoseconds of its clock, as best estimated: never
   *     earlier than {@code nowMs}
   */
  public synchronized long arrived(double origin, double nowMs) {
    long arrival = System.nanoTime();
    long offset = Math.min(
        offsetsNs.getOrDefault(origin, Long.MAX_VALUE), arrival - Math.round(nowMs * 1e6));
    offsetsNs.put(origin, offset);
    return arrival - offset;
  }
}

package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageClockTest {

  private static final long MS = 1_000_000L;
  /** Java's nanoTime when the page's epoch-based clock reads {@link #EPOCH_MS}. */
  private static final long JAVA_AT_EPOCH = 5_000 * MS;
  private static final double EPOCH_MS = 1.7961085e12;

  private final AtomicLong javaNow = new AtomicLong();
  private final PageClock clock = new PageClock(javaNow::get);

  /** A report sent at document time {@code nowMs} of the document that began at {@code originMs}, after a trip. */
  private long report(double originMs, double nowMs, long tripNs) {
    long originUs = Math.round(originMs * 1e3) - Math.round(EPOCH_MS * 1e3);
    long sent = JAVA_AT_EPOCH + originUs * 1_000 + Math.round(nowMs * MS);
    javaNow.set(sent + tripNs);
    return clock.arrived(originMs, nowMs);
  }

  @Test
  void aSlowReportIsPlacedByTheFastestTripSeen() {
    // Each report's document time on arrival comes out as its send time plus its trip, less the
    // fastest trip seen (which no one can tell from a zero trip).
    assertEquals(100 * MS, report(EPOCH_MS, 100.0, 2 * MS), "the first report sets it");
    assertEquals(200 * MS, report(EPOCH_MS, 200.0, MS), "a faster trip improves it");
    assertEquals(300 * MS + 299 * MS, report(EPOCH_MS, 300.0, 300 * MS), "a slow report keeps it");
  }

  @Test
  void aNewDocumentsFirstReportIsPlacedByTheEarlierDocumentsEstimate() {
    report(EPOCH_MS, 100.0, MS);
    double reloaded = EPOCH_MS + 4_321.7;
    // The new document's first report comes 258 ms after it was sent (the renderer was busy with
    // the load): its time on arrival is 258 ms past what it says, as the old document's fast
    // reports tell, not what it says (an estimate of its own would have had only this slow trip).
    assertEquals(Math.round(12.5 * MS) + 258 * MS - MS, report(reloaded, 12.5, 258 * MS));
  }

  @Test
  void anOriginWithMicrosecondsAndALargeNowKeepTheirNanoseconds() {
    report(EPOCH_MS + 0.1, 0.0, 0);
    assertEquals(Math.round(86_400_000.123456 * MS), report(EPOCH_MS + 0.1, 86_400_000.123456, 0));
  }
}

package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageClockTest {

  private static final long MS = 1_000_000L;
  private static final long C = PageClock.READING_ERROR_NS;
  /** The page's epoch-based clock reads {@link #EPOCH_MS} when Java's reads {@link #JAVA_AT_EPOCH}. */
  private static final double EPOCH_MS = 1.7961085e12;
  private static final long JAVA_AT_EPOCH = 5_000 * MS;

  private final PageClock clock = new PageClock();

  /** Java's time when the page's clock (document {@code originMs}) read {@code nowMs}. */
  private static long java(double originMs, double nowMs) {
    long originUs = Math.round(originMs * 1e3) - Math.round(EPOCH_MS * 1e3);
    return JAVA_AT_EPOCH + originUs * 1_000 + Math.round(nowMs * MS);
  }

  /** A report the page sent at {@code nowMs}, arriving {@code tripNs} later. */
  private void report(double originMs, double nowMs, long tripNs) {
    clock.heard(originMs, nowMs, java(originMs, nowMs) + tripNs);
  }

  @Test
  void aPageTimeIsPlacedByTheFastestTripSeenAndNeverEarly() {
    report(EPOCH_MS, 100.0, 2 * MS);
    assertEquals(java(EPOCH_MS, 150.0) + 2 * MS, clock.nanoTimeOf(EPOCH_MS, 150.0));
    report(EPOCH_MS, 200.0, MS / 2);
    assertEquals(java(EPOCH_MS, 150.0) + MS / 2, clock.nanoTimeOf(EPOCH_MS, 150.0),
        "a faster trip tightens the conversion");
    report(EPOCH_MS, 300.0, 300 * MS);
    assertEquals(java(EPOCH_MS, 150.0) + MS / 2, clock.nanoTimeOf(EPOCH_MS, 150.0),
        "a slow report (a busy renderer) does not move it");
  }

  @Test
  void theConversionDoesNotDependOnWhenAReportIsHandled() {
    // Ledger: a report's arrival was read before it was parsed and again, by the clock, after:
    // the deliveries came out earlier by the parse's time (0.2 to 15 ms measured), before their
    // sends. The arrival is now read once and passed in; handling it later changes nothing.
    long arrival = java(EPOCH_MS, 100.0) + MS;
    clock.heard(EPOCH_MS, 100.0, arrival);
    long placed = clock.nanoTimeOf(EPOCH_MS, 99.0);
    assertEquals(java(EPOCH_MS, 99.0) + MS, placed);
    assertTrue(placed >= java(EPOCH_MS, 99.0), "never before the truth");
  }

  @Test
  void theBoundIsUnknownUntilAMessageCrossedEachWayThenTheIntervalsWidthPlusReadingError() {
    report(EPOCH_MS, 100.0, 3 * MS);
    assertEquals(PageClock.UNKNOWN, clock.boundNs());
    // A ping sent 1 ms before the page read 200.0, answered 2 ms after it.
    clock.pinged(java(EPOCH_MS, 200.0) - MS, EPOCH_MS, 200.0, java(EPOCH_MS, 200.0) + 2 * MS);
    assertEquals(3 * MS + 2 * C, clock.boundNs(), "[-1 ms, +2 ms] around the truth, 3 ms wide");
    // A delivery sent 0.2 ms before the page had it tightens the lower end.
    long sent = java(EPOCH_MS, 300.0) - MS / 5;
    assertTrue(clock.reached(sent, clock.nanoTimeOf(EPOCH_MS, 300.0), "a delivery"));
    assertEquals(2 * MS + MS / 5 + 2 * C, clock.boundNs());
    assertTrue(clock.fault().isEmpty());
  }

  @Test
  void aDeliveryPlacedBeforeItsSendIsAFaultOfTheClockNotOfThePage() {
    report(EPOCH_MS, 100.0, MS);
    long placed = clock.nanoTimeOf(EPOCH_MS, 150.0);
    assertTrue(clock.reached(placed + 2 * C, placed, "within the reading error"));
    assertTrue(clock.fault().isEmpty());
    assertFalse(clock.reached(placed + 3 * MS, placed, "the channel delivery of sequence 7"));
    assertTrue(clock.fault().orElseThrow().startsWith(
        "the channel delivery of sequence 7 came out 3.000 ms before it was sent"),
        clock.fault().orElseThrow());
  }

  @Test
  void aPingThatContradictsTheReportsIsAFault() {
    report(EPOCH_MS, 100.0, 0);
    // Sent 5 ms after the page read 200.0 by the reports' account: impossible.
    clock.pinged(java(EPOCH_MS, 200.0) + 5 * MS, EPOCH_MS, 200.0, java(EPOCH_MS, 200.0) + 6 * MS);
    assertTrue(clock.fault().isPresent());
  }

  @Test
  void oneClockForEveryDocumentOfThePage() {
    report(EPOCH_MS, 100.0, MS);
    double reloaded = EPOCH_MS + 4_321.7;
    // The new document's first report is slow (the renderer is busy loading): its times are placed
    // by what the earlier document's fast reports told, not by this trip.
    report(reloaded, 12.5, 258 * MS);
    assertEquals(java(reloaded, 12.5) + MS, clock.nanoTimeOf(reloaded, 12.5));
  }

  @Test
  void listenersHearTheBoundNowAndWhenItTightens() {
    List<Long> heard = new ArrayList<>();
    clock.onBound(heard::add);
    report(EPOCH_MS, 100.0, 4 * MS);
    clock.pinged(java(EPOCH_MS, 200.0), EPOCH_MS, 200.0, java(EPOCH_MS, 200.0) + 4 * MS);
    report(EPOCH_MS, 300.0, 4 * MS - 5_000); // 5 µs tighter: not worth a new record
    report(EPOCH_MS, 400.0, MS);
    assertEquals(List.of(PageClock.UNKNOWN, 4 * MS + 2 * C, MS + 2 * C), heard);
  }

  @Test
  void anOriginWithMicrosecondsAndALargeNowKeepTheirNanoseconds() {
    report(EPOCH_MS + 0.1, 0.0, 0);
    assertEquals(java(EPOCH_MS + 0.1, 86_400_000.123456),
        clock.nanoTimeOf(EPOCH_MS + 0.1, 86_400_000.123456));
  }
}

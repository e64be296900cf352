package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;

/**
 * What one cleanup pass found over all streams: counts per defect and per lifecycle kind, the
 * longest a producer went on after a close, and the first finding. Constant size, whatever the
 * trace.
 */
final class CleanupTally {

  /**
   * A finding's numbers: the message's sequence, or for a gauge the sample's number (1 = baseline).
   */
  static final int SUBJECT = 0;

  /** How long after the close, in ns, or the gauge's value. */
  static final int MEASURED = 1;

  /** The index of the close or open it is measured against, or the gauge's baseline. */
  static final int REFERENCE = 2;

  /** The page clock's bound allowed where the finding compares a page time, in ns. */
  static final int ALLOWED = 3;

  private final long[] defects = new long[CleanupDefect.values().length];
  private final EarliestFinding<CleanupDefect> first = new EarliestFinding<>();
  private long streams;
  private long opens;
  private long closes;
  private long ends;
  private long closedPeriods;
  private long gaugeSamples;
  private long beyondHistory;
  private long longestProducingNs;

  void countStream() {
    streams++;
  }

  void countLifecycle(EventKind kind) {
    switch (kind) {
      case OPEN -> opens++;
      case CLOSE -> closes++;
      case END -> ends++;
      default -> throw new IllegalArgumentException("not an open, close or end: " + kind);
    }
  }

  void countClosedPeriod() {
    closedPeriods++;
  }

  void countGaugeSample() {
    gaugeSamples++;
  }

  /** A page report older than every closed period the checker still holds: not judged. */
  void countBeyondHistory() {
    beyondHistory++;
  }

  /** A send {@code afterNs} after its stream closed, within the bound or not. */
  void producedAfterClose(long afterNs) {
    longestProducingNs = Math.max(longestProducingNs, afterNs);
  }

  /**
   * Counts a finding and keeps it if it is the earliest (no two defects name the same event).
   *
   * @param index the event that shows the finding
   * @param what that close's or open's detail, or the gauge's metric (the finding's text)
   * @param allowedNs the page clock's bound allowed where the finding compares a page time, else 0
   */
  void found(
      CleanupDefect defect,
      String stream,
      long index,
      long subject,
      long measured,
      long reference,
      String what,
      long allowedNs) {
    defects[defect.ordinal()]++;
    if (first.offer(defect, stream, index)) {
      first.put(SUBJECT, subject).put(MEASURED, measured).put(REFERENCE, reference)
          .put(ALLOWED, allowedNs).text(what);
    }
  }

  long count(CleanupDefect defect) {
    return defects[defect.ordinal()];
  }

  EarliestFinding<CleanupDefect> first() {
    return first;
  }

  long streams() {
    return streams;
  }

  long opens() {
    return opens;
  }

  long closes() {
    return closes;
  }

  long ends() {
    return ends;
  }

  long closedPeriods() {
    return closedPeriods;
  }

  long gaugeSamples() {
    return gaugeSamples;
  }

  long beyondHistory() {
    return beyondHistory;
  }

  long longestProducingNs() {
    return longestProducingNs;
  }
}

package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;

/**
 * What one ordering pass found over all streams: counts per defect, messages that were fine, the
 * worst wait, and the first failure and first allowed deviation. Constant size, whatever the trace.
 */
final class OrderingTally {

  /** A finding's numbers: the sequence concerned. */
  static final int SEQUENCE = 0;

  /** What the sentences quote beside the sequence: the highest arrival before it, or a wait. */
  static final int VALUE = 1;

  /** For a stall: 1 when the message never arrived, so its wait ran to the end; else 0. */
  static final int UNARRIVED = 2;

  /** A stall's allowance for the page's times (clock bound, held event loop), ns. */
  static final int ALLOWED = 3;

  private final long[] defects = new long[OrderingDefect.values().length];
  private final EarliestFinding<OrderingDefect> firstFailure = new EarliestFinding<>();
  private final EarliestFinding<OrderingDefect> firstAllowed = new EarliestFinding<>();
  private long streams;
  private long sent;
  private long arrived;
  private long ok;
  private long heldPast;
  private long worstWaitNs;
  private String worstStream;
  private long worstSequence = TraceEvent.ABSENT;

  void countStream() {
    streams++;
  }

  void countSend() {
    sent++;
  }

  void countArrival() {
    arrived++;
  }

  /** A message sent and arrived once, in order and in time. */
  void countOk() {
    ok++;
  }

  /** A message waited past the stall bound, but not past it plus the page's allowance. */
  void countHeldPast() {
    heldPast++;
  }

  /** Messages that waited past the stall bound only by what the page's times allow. */
  long heldPast() {
    return heldPast;
  }

  /** A message counted as fine arrived again: it no longer is. */
  void uncountOk() {
    ok--;
  }

  /**
   * Counts a finding and keeps it if it is the earliest of its kind (failure or allowed).
   *
   * @param index the event that shows the finding
   * @param value see {@link #VALUE}
   * @param unarrived see {@link #UNARRIVED}
   * @param allowedNs see {@link #ALLOWED}; 0 for all but stalls
   */
  void found(
      OrderingDefect defect,
      String stream,
      long sequence,
      long index,
      long value,
      boolean unarrived,
      long allowedNs) {
    defects[defect.ordinal()]++;
    EarliestFinding<OrderingDefect> first = defect.allowed() ? firstAllowed : firstFailure;
    if (first.offer(defect, stream, index)) {
      first.put(SEQUENCE, sequence).put(VALUE, value).put(UNARRIVED, unarrived ? 1 : 0)
          .put(ALLOWED, allowedNs);
    }
  }

  /**
   * A message's wait from its send to its arrival (or to the end, never arriving). Of equal waits
   * the first offered is kept, but on one stream the lowest sequence, in whatever order the stream
   * offers them.
   */
  void waited(String stream, long sequence, long waitNs) {
    if (waitNs > worstWaitNs
        || waitNs == worstWaitNs && stream.equals(worstStream) && sequence < worstSequence) {
      worstWaitNs = waitNs;
      worstStream = stream;
      worstSequence = sequence;
    }
  }

  long count(OrderingDefect defect) {
    return defects[defect.ordinal()];
  }

  long streams() {
    return streams;
  }

  long sent() {
    return sent;
  }

  long arrived() {
    return arrived;
  }

  long ok() {
    return ok;
  }

  long worstWaitNs() {
    return worstWaitNs;
  }

  /** The stream of the worst wait; null when no message waited at all. */
  String worstStream() {
    return worstStream;
  }

  long worstSequence() {
    return worstSequence;
  }

  EarliestFinding<OrderingDefect> firstFailure() {
    return firstFailure;
  }

  EarliestFinding<OrderingDefect> firstAllowed() {
    return firstAllowed;
  }
}

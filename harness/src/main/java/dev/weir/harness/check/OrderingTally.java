package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;

/**
 * What one ordering pass found over all streams: counts per defect, messages that were fine, the
 * worst wait, and the first failure and first allowed deviation. Constant size, whatever the trace.
 */
final class OrderingTally {

  private final long[] defects = new long[OrderingDefect.values().length];
  private final FirstFinding firstFailure = new FirstFinding();
  private final FirstFinding firstAllowed = new FirstFinding();
  private long streams;
  private long sent;
  private long arrived;
  private long ok;
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

  /** Counts a finding and keeps it if it is the earliest of its kind (failure or allowed). */
  void found(
      OrderingDefect defect, String stream, long sequence, long index, long value, boolean beyond) {
    defects[defect.ordinal()]++;
    (defect.allowed() ? firstAllowed : firstFailure)
        .offer(defect, stream, sequence, index, value, beyond);
  }

  /** A message's wait from its send to its arrival (or to the end, never arriving). */
  void waited(String stream, long sequence, long waitNs) {
    if (waitNs > worstWaitNs) {
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

  FirstFinding firstFailure() {
    return firstFailure;
  }

  FirstFinding firstAllowed() {
    return firstAllowed;
  }
}

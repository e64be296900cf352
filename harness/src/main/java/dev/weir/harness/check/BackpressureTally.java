package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;

/**
 * What one backpressure pass found over all streams: totals, the most in flight, defect counts,
 * and the first failure and first allowed drop. Constant size, whatever the trace.
 */
final class BackpressureTally {

  /** A finding's numbers: the sequence concerned, or {@link TraceEvent#ABSENT}. */
  static final int SEQUENCE = 0;

  /** What the sentences quote: messages or bytes in flight, or messages unaccounted. */
  static final int VALUE = 1;

  private final long[] defects = new long[BackpressureDefect.values().length];
  private final EarliestFinding<BackpressureDefect> firstFailure = new EarliestFinding<>();
  private final EarliestFinding<BackpressureDefect> firstAllowed = new EarliestFinding<>();
  private long streams;
  private long sends;
  private long windowDrops;
  private long otherDrops;
  private long consumed;
  private long maxInFlight;
  private long maxInFlightBytes;
  private long unaccounted;

  void countStream() {
    streams++;
  }

  void countSend() {
    sends++;
  }

  /** A drop event; {@code window} when its detail names a window policy. */
  void countDrop(boolean window) {
    if (window) {
      windowDrops++;
    } else {
      otherDrops++;
    }
  }

  /** A message sent and consumed (the first consume of it). */
  void countConsumed() {
    consumed++;
  }

  /** What was in flight at a send. */
  void inFlight(long messages, long bytes) {
    maxInFlight = Math.max(maxInFlight, messages);
    maxInFlightBytes = Math.max(maxInFlightBytes, bytes);
  }

  void countUnaccounted(long messages) {
    unaccounted += messages;
  }

  /**
   * Counts a finding and keeps it if it is the earliest of its kind (failure or allowed).
   *
   * @param index the event that shows the finding
   * @param value see {@link #VALUE}
   * @param detail the drop's detail for a drop finding, else "" (the finding's text)
   */
  void found(
      BackpressureDefect defect,
      String stream,
      long sequence,
      long index,
      long value,
      String detail) {
    defects[defect.ordinal()]++;
    EarliestFinding<BackpressureDefect> first = defect.allowed() ? firstAllowed : firstFailure;
    if (first.offer(defect, stream, index)) {
      first.put(SEQUENCE, sequence).put(VALUE, value).text(detail);
    }
  }

  /** How many times {@code defect} was found: per drop, per send over a bound, per stream. */
  long count(BackpressureDefect defect) {
    return defects[defect.ordinal()];
  }

  long streams() {
    return streams;
  }

  long sends() {
    return sends;
  }

  long windowDrops() {
    return windowDrops;
  }

  long otherDrops() {
    return otherDrops;
  }

  long consumed() {
    return consumed;
  }

  long maxInFlight() {
    return maxInFlight;
  }

  long maxInFlightBytes() {
    return maxInFlightBytes;
  }

  long unaccounted() {
    return unaccounted;
  }

  EarliestFinding<BackpressureDefect> firstFailure() {
    return firstFailure;
  }

  EarliestFinding<BackpressureDefect> firstAllowed() {
    return firstAllowed;
  }
}

package dev.weir.harness.check;

/**
 * What one backpressure pass found over all streams: totals, the most in flight, defect counts,
 * and the first failure and first allowed drop. Constant size, whatever the trace.
 */
final class BackpressureTally {

  private final long[] defects = new long[BackpressureDefect.values().length];
  private final BackpressureFinding firstFailure = new BackpressureFinding();
  private final BackpressureFinding firstAllowed = new BackpressureFinding();
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

  /** Counts a finding and keeps it if it is the earliest of its kind (failure or allowed). */
  void found(
      BackpressureDefect defect,
      String stream,
      long sequence,
      long index,
      long value,
      String detail) {
    defects[defect.ordinal()]++;
    (defect.allowed() ? firstAllowed : firstFailure)
        .offer(defect, stream, sequence, index, value, detail);
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

  BackpressureFinding firstFailure() {
    return firstFailure;
  }

  BackpressureFinding firstAllowed() {
    return firstAllowed;
  }
}

package dev.weir.harness.check;

import static dev.weir.harness.check.BufferDefect.MEMORY_GROWTH;

import dev.weir.harness.trace.TraceEvent;

/**
 * The page's heap once the buffers are full: the {@value #METRIC} samples the harness takes after a
 * forced GC, from the first whose time is after the last buffer filled to the last. A frontend
 * whose buffer is full should hold steady; growth beyond the tolerance is a leak.
 *
 * <p>When the buffers filled is known only from their snapshots, which are recorded late (page
 * reports) while samples are recorded at once (Java's time, never decreasing), so the last {@value
 * #KEPT} samples are kept to find the first one after that moment when it becomes known. Constant
 * size.
 */
final class BufferHeap {

  /** The gauge metric read. */
  static final String METRIC = "js-heap-bytes";

  /** Samples kept for a full snapshot recorded late: far more than a few hundred ms of them. */
  private static final int KEPT = 256;

  private final long[] wallNs = new long[KEPT];
  private final long[] value = new long[KEPT];
  private long samples;

  /** Samples count only after this page time: when the last buffer to fill filled. */
  private long fullNs = Long.MAX_VALUE;

  private long first = -1;
  private long firstWallNs;
  private long firstValue;
  private long lastWallNs;
  private long lastValue;
  private long lastIndex;
  private String lastStream;

  /** A heap sample at event {@code at}. */
  void sample(String stream, long at, long wallNs, long bytes) {
    int slot = (int) (samples % KEPT);
    this.wallNs[slot] = wallNs;
    this.value[slot] = bytes;
    if (first < 0 && wallNs > fullNs) {
      first(samples);
    }
    samples++;
    lastWallNs = wallNs;
    lastValue = bytes;
    lastIndex = at;
    lastStream = stream;
  }

  /** The buffers were all full from page time {@code fullNs} on (it may move as more fill). */
  void full(long fullNs) {
    this.fullNs = fullNs;
    if (first >= 0 && firstWallNs <= fullNs) {
      first = -1;
    }
    for (long n = Math.max(0, samples - KEPT); n < samples; n++) {
      if (wallNs[(int) (n % KEPT)] > fullNs) {
        if (first < 0 || n < first) {
          first(n);
        }
        return;
      }
    }
  }

  /** Whether the buffers were all full at some point. */
  boolean filled() {
    return fullNs != Long.MAX_VALUE;
  }

  /** Samples taken after the buffers were full. */
  long counted() {
    return first >= 0 && lastWallNs > fullNs ? samples - first : 0;
  }

  /** How much the heap grew from the first counted sample to the last; 0 with fewer than two. */
  long growth() {
    return counted() >= 2 ? lastValue - firstValue : 0;
  }

  /** Finds memory growth beyond {@code toleranceBytes}, shown by the last sample. */
  void judge(long toleranceBytes, BufferTally tally) {
    if (growth() > toleranceBytes) {
      tally.found(
          MEMORY_GROWTH,
          lastStream,
          lastIndex,
          TraceEvent.ABSENT,
          TraceEvent.ABSENT,
          TraceEvent.ABSENT,
          lastValue,
          firstValue);
    }
  }

  private void first(long n) {
    int slot = (int) (n % KEPT);
    first = n;
    firstWallNs = wallNs[slot];
    firstValue = value[slot];
  }
}

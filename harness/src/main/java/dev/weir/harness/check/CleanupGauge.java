package dev.weir.harness.check;

/**
 * One gauge of one stream, such as the page's listener count: its first sample is the baseline, and
 * every later one (taken after a close has settled) must stay within its tolerance above it.
 */
final class CleanupGauge {

  private final String metric;
  private final long tolerance;
  private long baseline;
  private long samples;
  private long maxGrowth;

  CleanupGauge(String metric, long tolerance) {
    this.metric = metric;
    this.tolerance = tolerance;
  }

  /** Judges sample {@code value} at event {@code index}. */
  void sample(String stream, long index, long value, CleanupTally tally) {
    samples++;
    tally.countGaugeSample();
    if (samples == 1) {
      baseline = value;
      return;
    }
    long growth = growth(value, baseline);
    maxGrowth = Math.max(maxGrowth, growth);
    if (growth > tolerance) {
      tally.found(CleanupDefect.NOT_AT_BASELINE, stream, index, samples, value, baseline, metric, 0);
    }
  }

  String metric() {
    return metric;
  }

  /** The most any later sample rose above the baseline; 0 if none did. */
  long maxGrowth() {
    return maxGrowth;
  }

  /** {@code value - baseline}, saturated rather than wrapped: a gauge may hold any long. */
  static long growth(long value, long baseline) {
    long growth = value - baseline;
    if (((value ^ baseline) & (value ^ growth)) < 0) {
      return value > baseline ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return growth;
  }
}

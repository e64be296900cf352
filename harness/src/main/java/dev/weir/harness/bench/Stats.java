package dev.weir.harness.bench;

import java.util.Arrays;

/** Order statistics for benchmark samples. */
final class Stats {

  private Stats() {}

  static double median(double[] samples) {
    return percentile(samples, 50);
  }

  /** Nearest-rank percentile: the smallest sample with at least p% of samples at or below it. */
  static double percentile(double[] samples, double p) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("No samples");
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}

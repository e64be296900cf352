package dev.weir.harness.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A distribution of durations in logarithmic bins, with its quantiles: how long messages took.
 *
 * <p>Bins split each doubling (octave) of nanoseconds into four equal parts, from 1,024 ns (below
 * that, one bin from 0) up to 2^41 ns, about 37 minutes (above that, the last bin); only the span
 * from the first to the last bin holding anything is listed. Quantiles are read from finer bins
 * (sixteen per octave) as their upper edge, so each is an upper bound at most 1/16 above the true
 * value, and never above {@code maxNs}, which is exact.
 *
 * @param name what was measured, for a plot's title
 * @param count how many durations were measured
 * @param negative durations below zero by no more than the page clock's reading error (a delivery
 *     timed a fraction of a millisecond before its send), counted in the first bin as zero; one
 *     further below zero is never counted: it is a fault of weir's, and stops the run
 * @param bins the bins, lowest first; empty when {@code count} is 0
 * @param p50Ns the median, ns; 0 when {@code count} is 0, as are the other quantiles
 * @param p90Ns the 90th percentile, ns
 * @param p99Ns the 99th percentile, ns
 * @param maxNs the longest duration, exact, ns
 */
public record Histogram(
    String name,
    long count,
    long negative,
    List<Bin> bins,
    long p50Ns,
    long p90Ns,
    long p99Ns,
    long maxNs) {

  /**
   * Durations from {@code lowNs} (included) to {@code highNs} (excluded): {@code count} of them.
   */
  public record Bin(long lowNs, long highNs, long count) {}

  public Histogram {
    Objects.requireNonNull(name, "name");
    bins = List.copyOf(bins);
    long binned = bins.stream().mapToLong(Bin::count).sum();
    if (binned != count) {
      throw new IllegalArgumentException(
          name + ": the bins hold " + binned + " durations, expected the count, " + count);
    }
  }
}

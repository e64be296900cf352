package dev.weir.harness.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts durations in fixed logarithmic bins: sixteen per octave from 2^10 ns, for quantiles
 * within 1/16, listed as four per octave. A fixed array of longs (4 KB), whatever the count.
 */
final class LogBins {

  private static final int LOWEST_OCTAVE = 10; // 1,024 ns: below it, one bin from 0
  private static final int OCTAVES = 31; // up to 2^41 ns, about 37 minutes
  private static final int FINE = 16; // bins per octave for quantiles
  private static final int COARSE = 4; // bins per octave listed
  private static final int FINE_BITS = 4;

  private final long[] counts = new long[1 + OCTAVES * FINE];
  private long count;
  private long negative;
  private long maxNs = Long.MIN_VALUE;

  /**
   * Counts one duration. One below zero by no more than {@code zeroWithinNs} (a page time's reading
   * error) counts as zero, and as {@code negative}.
   *
   * @throws IllegalStateException for one further below zero: a delivery before its send, which
   *     weir's page clock is built never to give (its self-check stops such a run first)
   */
  void add(long ns, long zeroWithinNs) {
    if (ns < 0) {
      if (ns < -zeroWithinNs) {
        throw new IllegalStateException("weir's self-check failed (a fault of weir's, not the"
            + " frontend's; please report it): a message came out delivered "
            + String.format(Locale.ROOT, "%.3f ms", -ns / 1e6)
            + " before its send, beyond the page clock's reading error");
      }
      negative++;
      ns = 0;
    }
    counts[fine(ns)]++;
    count++;
    maxNs = Math.max(maxNs, ns);
  }

  Histogram histogram(String name) {
    if (count == 0) {
      return new Histogram(name, 0, 0, List.of(), 0, 0, 0, 0);
    }
    return new Histogram(
        name, count, negative, bins(), quantile(0.5), quantile(0.9), quantile(0.99), maxNs);
  }

  /** The fine bin of {@code ns} (>= 0): 0 below 1,024 ns, the last one from 2^41 ns. */
  private static int fine(long ns) {
    int octave = 63 - Long.numberOfLeadingZeros(ns);
    if (octave < LOWEST_OCTAVE) {
      return 0;
    }
    if (octave >= LOWEST_OCTAVE + OCTAVES) {
      return OCTAVES * FINE;
    }
    int part = (int) (ns >>> (octave - FINE_BITS)) & (FINE - 1);
    return 1 + (octave - LOWEST_OCTAVE) * FINE + part;
  }

  /** Where bin {@code bin} of {@code perOctave} starts, ns; bin 0 starts at 0. */
  private static long low(int bin, int perOctave) {
    if (bin == 0) {
      return 0;
    }
    int octave = LOWEST_OCTAVE + (bin - 1) / perOctave;
    long width = (1L << octave) / perOctave;
    return (1L << octave) + (bin - 1) % perOctave * width;
  }

  /** Where bin {@code bin} of {@code perOctave} ends (excluded), ns. */
  private static long high(int bin, int perOctave) {
    if (bin == 0) {
      return 1L << LOWEST_OCTAVE;
    }
    return low(bin, perOctave) + (1L << (LOWEST_OCTAVE + (bin - 1) / perOctave)) / perOctave;
  }

  /** The coarse bins from the first to the last holding anything. */
  private List<Histogram.Bin> bins() {
    long[] coarse = new long[1 + OCTAVES * COARSE];
    for (int bin = 0; bin < counts.length; bin++) {
      coarse[bin == 0 ? 0 : 1 + (bin - 1) / (FINE / COARSE)] += counts[bin];
    }
    int first = 0;
    while (coarse[first] == 0) {
      first++;
    }
    int last = coarse.length - 1;
    while (coarse[last] == 0) {
      last--;
    }
    List<Histogram.Bin> bins = new ArrayList<>(last - first + 1);
    for (int bin = first; bin <= last; bin++) {
      bins.add(new Histogram.Bin(low(bin, COARSE), high(bin, COARSE), coarse[bin]));
    }
    return bins;
  }

  /**
   * The upper edge of the fine bin holding the {@code q} quantile, at most the maximum; the maximum
   * itself in the last bin, which also holds everything beyond it.
   */
  private long quantile(double q) {
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    int bin = 0;
    while (seen + counts[bin] < rank) {
      seen += counts[bin++];
    }
    return bin == counts.length - 1 ? maxNs : Math.min(high(bin, FINE), maxNs);
  }
}

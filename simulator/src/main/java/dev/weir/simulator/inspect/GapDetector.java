package dev.weir.simulator.inspect;

import java.util.Arrays;

/**
 * Finds gaps in one channel's message times: a step longer than {@link #GAP_FACTOR} expected periods.
 *
 * <p>The expected period comes from the channel's declared rate when it has one; otherwise it is
 * the median of the first {@link #LEARN} positive steps, which ignores the gaps themselves where a
 * mean would not. Steps seen while learning are judged once the period is known, so memory stays
 * bounded whatever the file size.
 */
final class GapDetector {

  static final double GAP_FACTOR = 2.0;
  static final int LEARN = 256;

  private long periodNs;
  private final long[] learning = new long[LEARN];
  private final long[] learningAt = new long[LEARN];
  private int learned;
  private long gaps;
  private long largestGapNs;
  private long largestGapAtNs = -1;
  private long backwards;

  /** @param declaredPeriodNs the period implied by a declared rate, or 0 to learn it */
  GapDetector(long declaredPeriodNs) {
    this.periodNs = declaredPeriodNs;
  }

  /** Records the step from the previous message at {@code previousNs} to one at {@code timeNs}. */
  void step(long previousNs, long timeNs) {
    long delta = timeNs - previousNs;
    if (delta < 0) {
      backwards++;
      return;
    }
    if (periodNs > 0) {
      judge(delta, previousNs);
    } else if (delta > 0) {
      learning[learned] = delta;
      learningAt[learned] = previousNs;
      if (++learned == LEARN) {
        settle();
      }
    }
  }

  /** Settles the period from what was learned so far; call once after the last step. */
  void finish() {
    if (periodNs == 0 && learned > 0) {
      settle();
    }
  }

  private void settle() {
    long[] sorted = Arrays.copyOf(learning, learned);
    Arrays.sort(sorted);
    periodNs = sorted[learned / 2];
    for (int i = 0; i < learned; i++) {
      judge(learning[i], learningAt[i]);
    }
    learned = 0;
  }

  private void judge(long delta, long atNs) {
    if (delta > GAP_FACTOR * periodNs) {
      gaps++;
      if (delta > largestGapNs) {
        largestGapNs = delta;
        largestGapAtNs = atNs;
      }
    }
  }

  long periodNs() {
    return periodNs;
  }

  long gaps() {
    return gaps;
  }

  long largestGapNs() {
    return largestGapNs;
  }

  long largestGapAtNs() {
    return largestGapAtNs;
  }

  long backwards() {
    return backwards;
  }
}

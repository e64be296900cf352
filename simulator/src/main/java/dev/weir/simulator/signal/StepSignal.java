package dev.weir.simulator.signal;

import dev.weir.simulator.spec.Rate;
import java.util.Arrays;

/** A level that changes at given times; the level in force at a sample's time is found by binary search. */
final class StepSignal implements ChannelSignal {

  private final Rate rate;
  private final double initial;
  private final long[] times;
  private final double[] levels;

  /** {@code times} ascending; where two are equal the later level wins. */
  StepSignal(Rate rate, double initial, long[] times, double[] levels) {
    this.rate = rate;
    this.initial = initial;
    this.times = times;
    this.levels = levels;
  }

  @Override
  public double value(long index) {
    long t = rate.timeOf(index);
    int pos = Arrays.binarySearch(times, t);
    if (pos >= 0) {
      while (pos + 1 < times.length && times[pos + 1] == t) {
        pos++;
      }
    } else {
      pos = -pos - 2; // last time strictly before t
    }
    return pos < 0 ? initial : levels[pos];
  }
}

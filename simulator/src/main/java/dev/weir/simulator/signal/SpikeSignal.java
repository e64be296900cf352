package dev.weir.simulator.signal;

import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.spec.Rate;
import java.util.Arrays;

/**
 * {@code height} while a spike lasts, 0 otherwise. A spike starts at each listed time, at every
 * multiple of {@code everyNs} (when positive), and at each sample with seeded {@code probability};
 * it lasts {@code widthNs}. Overlapping spikes do not add up.
 *
 * <p>The random starts are drawn per sample, not per channel, so all channels of a sensor spike
 * together. Deciding a sample looks back over the samples of one width, so its cost grows with
 * {@code widthNs × rate}, not with the index.
 */
final class SpikeSignal implements ChannelSignal {

  private final Rate rate;
  private final double height;
  private final long widthNs;
  private final long[] atNs;
  private final long everyNs;
  private final double probability;
  private final CounterRandom random;

  /** {@code atNs} ascending. */
  SpikeSignal(Rate rate, double height, long widthNs, long[] atNs, long everyNs, double probability,
      CounterRandom random) {
    this.rate = rate;
    this.height = height;
    this.widthNs = widthNs;
    this.atNs = atNs;
    this.everyNs = everyNs;
    this.probability = probability;
    this.random = random;
  }

  @Override
  public double value(long index) {
    return active(index) ? height : 0;
  }

  private boolean active(long index) {
    long t = rate.timeOf(index);
    return listedSpikeCovers(t) || (everyNs > 0 && t % everyNs < widthNs) || randomSpikeCovers(index, t);
  }

  private boolean listedSpikeCovers(long t) {
    int pos = Arrays.binarySearch(atNs, t);
    int latest = pos >= 0 ? pos : -pos - 2;
    return latest >= 0 && t - atNs[latest] < widthNs;
  }

  private boolean randomSpikeCovers(long index, long t) {
    if (probability <= 0) {
      return false;
    }
    for (long j = rate.countBefore(t - widthNs + 1); j <= index; j++) {
      if (random.uniform(j) < probability) {
        return true;
      }
    }
    return false;
  }
}

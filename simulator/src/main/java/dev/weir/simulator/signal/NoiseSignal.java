package dev.weir.simulator.signal;

import dev.weir.simulator.random.CounterRandom;

/** Independent Gaussian noise: {@code mean + stddev · N(0,1)} drawn at the sample index. */
final class NoiseSignal implements ChannelSignal {

  private final CounterRandom random;
  private final double mean;
  private final double stddev;

  NoiseSignal(CounterRandom random, double mean, double stddev) {
    this.random = random;
    this.mean = mean;
    this.stddev = stddev;
  }

  @Override
  public double value(long index) {
    return mean + stddev * random.gaussian(index);
  }

  @Override
  public void fill(long from, int count, double[] out) {
    // The hot loop of the common "signal + noise" sensor: kept monomorphic so it compiles tight.
    for (int i = 0; i < count; i++) {
      out[i] = mean + stddev * random.gaussian(from + i);
    }
  }
}

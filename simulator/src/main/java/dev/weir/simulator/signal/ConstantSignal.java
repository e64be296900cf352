package dev.weir.simulator.signal;

import java.util.Arrays;

/** The same value at every index. */
final class ConstantSignal implements ChannelSignal {

  private final double value;

  ConstantSignal(double value) {
    this.value = value;
  }

  @Override
  public double value(long index) {
    return value;
  }

  @Override
  public void fill(long from, int count, double[] out) {
    Arrays.fill(out, 0, count, value);
  }
}

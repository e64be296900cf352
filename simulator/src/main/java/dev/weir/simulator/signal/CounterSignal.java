package dev.weir.simulator.signal;

/** {@code start + step · index}: a ramp whose every value is recognisable, for ordering checks. */
final class CounterSignal implements ChannelSignal {

  private final double start;
  private final double step;

  CounterSignal(double start, double step) {
    this.start = start;
    this.step = step;
  }

  @Override
  public double value(long index) {
    return start + step * index;
  }
}

package dev.weir.simulator.signal;

/** {@code offset + amplitude} for the first {@code duty} of each turn, {@code offset - amplitude} after. */
final class SquareSignal implements ChannelSignal {

  private final Phase phase;
  private final double high;
  private final double low;
  private final double duty;

  SquareSignal(Phase phase, double amplitude, double offset, double duty) {
    this.phase = phase;
    this.high = offset + amplitude;
    this.low = offset - amplitude;
    this.duty = duty;
  }

  @Override
  public double value(long index) {
    return Phase.fraction(phase.at(index)) < duty ? high : low;
  }
}

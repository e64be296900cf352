package dev.weir.simulator.signal;

/** A ramp over each turn from {@code offset - amplitude} up to (not reaching) {@code offset + amplitude}. */
final class SawtoothSignal implements ChannelSignal {

  private final Phase phase;
  private final double amplitude;
  private final double offset;

  SawtoothSignal(Phase phase, double amplitude, double offset) {
    this.phase = phase;
    this.amplitude = amplitude;
    this.offset = offset;
  }

  @Override
  public double value(long index) {
    return offset + amplitude * (2 * Phase.fraction(phase.at(index)) - 1);
  }
}

package dev.weir.simulator.signal;

/** {@code offset + amplitude · sin(phase)}. */
final class SineSignal implements ChannelSignal {

  private final Phase phase;
  private final double amplitude;
  private final double offset;

  SineSignal(Phase phase, double amplitude, double offset) {
    this.phase = phase;
    this.amplitude = amplitude;
    this.offset = offset;
  }

  @Override
  public double value(long index) {
    return offset + amplitude * SineTable.sin(phase.at(index));
  }

  @Override
  public void fill(long from, int count, double[] out) {
    long p = phase.at(from);
    long step = phase.step();
    for (int i = 0; i < count; i++, p += step) {
      out[i] = offset + amplitude * SineTable.sin(p);
    }
  }
}

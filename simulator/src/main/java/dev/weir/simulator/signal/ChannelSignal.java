package dev.weir.simulator.signal;

/** One channel of a compiled signal: a pure function of the sample index. */
interface ChannelSignal {

  /** The value at sample {@code index}, in O(1) whatever the index. */
  double value(long index);

  /**
   * Writes the values of samples {@code from .. from + count - 1} to {@code out[0 .. count - 1]}.
   * Overrides exist for speed and must produce exactly {@link #value(long)}'s bits.
   */
  default void fill(long from, int count, double[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = value(from + i);
    }
  }
}

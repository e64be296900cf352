package dev.weir.simulator.spec;

import java.util.List;

/**
 * What a sensor measures: one signal model, or a sum of them.
 *
 * <p>Every numeric parameter holds one value per channel (the parser expands a scalar to all
 * channels), so a 3-axis sensor can have a different amplitude or phase per axis. Times are
 * virtual nanoseconds from the start of the run.
 */
public sealed interface SignalSpec {

  /** The same value at every index. */
  record Constant(double[] value) implements SignalSpec {}

  /** {@code offset + amplitude * sin(2π (f t + phase/360))}. */
  record Sine(double[] amplitude, double[] frequencyHz, double[] phaseDeg, double[] offset) implements SignalSpec {}

  /** {@code offset ± amplitude}, high for the first {@code duty} fraction of each period. */
  record Square(double[] amplitude, double[] frequencyHz, double[] phaseDeg, double[] offset, double[] duty)
      implements SignalSpec {}

  /** A ramp from {@code offset - amplitude} to {@code offset + amplitude} once per period. */
  record Sawtooth(double[] amplitude, double[] frequencyHz, double[] phaseDeg, double[] offset)
      implements SignalSpec {}

  /**
   * A Gaussian random walk with steps of {@code stepStddev} per sample, starting at {@code start};
   * folded back into [{@code min}, {@code max}] when those are finite.
   */
  record RandomWalk(double[] start, double[] stepStddev, double[] min, double[] max) implements SignalSpec {}

  /** Independent Gaussian noise per sample. */
  record GaussianNoise(double[] mean, double[] stddev) implements SignalSpec {}

  /** {@code start + step * index}. */
  record Counter(double[] start, double[] step) implements SignalSpec {}

  /** A level that changes at given times: {@code initial} before the first step. */
  record Step(double[] initial, List<Level> steps) implements SignalSpec {
    /** From {@code atNs} on, the signal is {@code value}. */
    public record Level(long atNs, double[] value) {}
  }

  /**
   * Spikes of {@code height} lasting {@code widthNs}: at the listed times, every {@code everyNs}
   * (0 for none), and at each sample with seeded {@code probability}.
   */
  record Spike(double[] height, long widthNs, List<Long> atNs, long everyNs, double probability)
      implements SignalSpec {}

  /** The sum of its terms, evaluated per channel. */
  record Sum(List<SignalSpec> terms) implements SignalSpec {}
}

package dev.weir.simulator.signal;

import dev.weir.simulator.spec.SensorSpec;

/**
 * The compiled signal of one sensor: the values of every channel at any sample index.
 *
 * <p>Values are a pure function of (seed, sensor spec, index): seeking to index {@code i} costs
 * the same as computing index 0, and {@link #fill} over a range yields exactly the bits of
 * {@link #values} at each index. That is what lets a stream be seeked, split into parallel chunks
 * and replayed byte for byte.
 *
 * <p>Instances cache intermediate results and are not thread-safe; compiling is cheap, so give
 * each thread its own.
 */
public final class SensorSignal {

  private static final int CHUNK = 1024;

  private final ChannelSignal[] channels;
  private final double[] column = new double[CHUNK];

  private SensorSignal(ChannelSignal[] channels) {
    this.channels = channels;
  }

  /**
   * Compiles {@code sensor}'s signal under {@code seed}.
   *
   * @throws IllegalArgumentException naming the sensor and parameter when a parameter is invalid,
   *     e.g. has the wrong number of per-channel values
   */
  public static SensorSignal compile(long seed, SensorSpec sensor) {
    SignalCompiler compiler = new SignalCompiler(seed, sensor);
    ChannelSignal[] channels = new ChannelSignal[sensor.channels().size()];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = compiler.compile(c);
    }
    return new SensorSignal(channels);
  }

  /** The number of channels, at least 1. */
  public int channels() {
    return channels.length;
  }

  /** The value of {@code channel} at sample {@code index}. */
  public double value(int channel, long index) {
    return channels[channel].value(index);
  }

  /** All channel values at sample {@code index}; a new array. */
  public double[] values(long index) {
    double[] out = new double[channels.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = channels[c].value(index);
    }
    return out;
  }

  /**
   * Writes samples {@code fromIndex .. fromIndex + count - 1} to {@code out}, channels interleaved:
   * channel {@code c} of sample {@code fromIndex + k} goes to {@code out[k * channels() + c]}.
   *
   * @throws IllegalArgumentException if {@code count} is negative or {@code out} is too short
   */
  public void fill(long fromIndex, int count, double[] out) {
    int width = channels.length;
    if (count < 0 || out.length / width < count) {
      throw new IllegalArgumentException("fill of " + count + " samples × " + width + " channels needs "
          + (long) count * width + " slots, out has " + out.length);
    }
    for (int done = 0; done < count; done += CHUNK) {
      int n = Math.min(CHUNK, count - done);
      for (int c = 0; c < width; c++) {
        channels[c].fill(fromIndex + done, n, column);
        for (int k = 0, slot = done * width + c; k < n; k++, slot += width) {
          out[slot] = column[k];
        }
      }
    }
  }
}

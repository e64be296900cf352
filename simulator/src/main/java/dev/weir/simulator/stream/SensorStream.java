package dev.weir.simulator.stream;

import dev.weir.simulator.signal.SensorSignal;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SimulationSpec;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One sensor of a simulation, seekable by sample index.
 *
 * <p>Use it to look at sample {@code i} without generating the samples before it, or to generate
 * a long sensor in parallel: {@code readings(a, b).parallel()} is an ordered stream whose result
 * equals the sequential one, reading for reading.
 */
public final class SensorStream {

  private final SimulationSpec spec;
  private final SensorSpec sensor;
  private final long count;

  SensorStream(SimulationSpec spec, SensorSpec sensor) {
    this.spec = spec;
    this.sensor = sensor;
    this.count = sensor.rate().countBefore(spec.durationNs());
  }

  /** The sensor's declaration. */
  public SensorSpec spec() {
    return sensor;
  }

  /** The number of samples in the run, those with time in [0, duration); faults may emit more or fewer readings. */
  public long sampleCount() {
    return count;
  }

  /**
   * The clean channel values of sample {@code index}, before faults, computed directly.
   *
   * @return a new array, one value per channel
   */
  public double[] values(long index) {
    return SensorSignal.compile(spec.seed(), sensor).values(index);
  }

  /** All the sensor's readings after faults, in emission order; {@code readings(0, sampleCount())}. */
  public Stream<Reading> readings() {
    return readings(0, count);
  }

  /**
   * The readings after faults of samples {@code fromIndex .. toIndex - 1}, in emission order.
   * Consecutive ranges concatenate to the readings of their union.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= fromIndex <= toIndex <= sampleCount()}
   */
  public Stream<Reading> readings(long fromIndex, long toIndex) {
    if (fromIndex < 0 || fromIndex > toIndex || toIndex > count) {
      throw new IndexOutOfBoundsException("sensor " + sensor.id() + ": range [" + fromIndex + ", " + toIndex
          + ") is not within [0, " + count + ")");
    }
    return StreamSupport.stream(new SensorSpliterator(spec, sensor, fromIndex, toIndex), false);
  }
}

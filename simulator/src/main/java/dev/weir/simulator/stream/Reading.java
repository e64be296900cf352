package dev.weir.simulator.stream;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sample of one sensor: the unit a stream, a recording and every transport carry.
 *
 * <p>Two times are kept because faults separate them. {@code timeNs} is when the reading
 * enters the stream on the virtual clock (the order key, MCAP {@code log_time});
 * {@code stampNs} is the timestamp the sensor itself reports (MCAP {@code publish_time}),
 * which jitter, drift and skew distort. Without source faults the two are equal.
 *
 * @param sensor the sensor id, never null
 * @param index the sample index within the sensor, from 0; a duplicated reading repeats it
 * @param timeNs virtual emission time in nanoseconds
 * @param stampNs the sensor-reported timestamp in nanoseconds
 * @param values one value per sensor channel, never null; may hold NaN or out-of-range values
 */
public record Reading(String sensor, long index, long timeNs, long stampNs, double[] values) {

  public Reading {
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(values, "values");
  }

  /** Equality compares values bit for bit, so NaN equals NaN and -0.0 differs from 0.0. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Reading r)) {
      return false;
    }
    if (index != r.index || timeNs != r.timeNs || stampNs != r.stampNs || !sensor.equals(r.sensor)
        || values.length != r.values.length) {
      return false;
    }
    for (int c = 0; c < values.length; c++) {
      if (Double.doubleToRawLongBits(values[c]) != Double.doubleToRawLongBits(r.values[c])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(sensor, index, timeNs, stampNs);
    for (double v : values) {
      h = 31 * h + Long.hashCode(Double.doubleToRawLongBits(v));
    }
    return h;
  }

  @Override
  public String toString() {
    return "Reading[" + sensor + "#" + index + " t=" + timeNs + "ns stamp=" + stampNs + "ns "
        + Arrays.toString(values) + "]";
  }
}

package dev.weir.simulator.recording;

import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import dev.weir.simulator.stream.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Sensors and seeded readings for recording tests, including NaN, infinities, -0.0 and out-of-order stamps. */
final class TestRecordings {

  static final List<SensorSpec> SENSORS = List.of(
      new SensorSpec("accel", new Rate(1000, 1), List.of("x", "y", "z"), "m/s^2", "3-axis accelerometer",
          new SignalSpec.Sine(new double[] {1, 1, 1}, new double[] {5, 5, 5}, new double[3], new double[3])),
      new SensorSpec("temp", new Rate(1, 3), List.of("celsius"), "°C", "board \"temperature\", slow",
          new SignalSpec.RandomWalk(new double[] {20}, new double[] {0.1}, new double[] {-40}, new double[] {85})),
      new SensorSpec("flags", new Rate(10, 1), List.of("a,b", "c"), "", "", null));

  static final List<SensorInfo> INFOS = SENSORS.stream().map(SensorInfo::of).toList();

  static final RunInfo RUN = new RunInfo("bench-spec", 42, 10_000_000_000L);

  private TestRecordings() {}

  /** {@code n} readings in time order, round-robin over the sensors; seeded, so every run gets the same. */
  static List<Reading> readings(int n) {
    SplittableRandom random = new SplittableRandom(1234);
    double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE};
    List<Reading> readings = new ArrayList<>(n);
    long[] index = new long[SENSORS.size()];
    for (int i = 0; i < n; i++) {
      int s = i % SENSORS.size();
      SensorSpec sensor = SENSORS.get(s);
      double[] values = new double[sensor.channels().size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = random.nextInt(20) == 0 ? specials[random.nextInt(specials.length)] : random.nextDouble(-1e3, 1e3);
      }
      long time = i * 1_000_000L;
      readings.add(new Reading(sensor.id(), index[s]++, time, time - random.nextLong(-50_000, 50_000), values));
    }
    return readings;
  }
}

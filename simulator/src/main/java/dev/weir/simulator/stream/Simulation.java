package dev.weir.simulator.stream;

import dev.weir.simulator.fault.FaultChain;
import dev.weir.simulator.signal.SensorSignal;
import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SimulationSpec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run of virtual sensors: every sensor's readings after source faults, merged into one stream.
 *
 * <p>The stream covers the samples with time in [0, duration) and is ordered by (emission time,
 * sensor id in lexicographic order, index, duplicate copy). It is a pure function of the spec:
 * the same spec and seed give the same readings, bit for bit, on any machine and JDK. Each call
 * to {@link #readings()} starts a fresh, independent pass.
 */
public final class Simulation {

  /** Samples per sensor the simulator supports: the random walk's horizon. */
  public static final long MAX_SAMPLES = 1L << 40;

  private final SimulationSpec spec;
  private final Map<String, SensorStream> sensors;

  private Simulation(SimulationSpec spec, Map<String, SensorStream> sensors) {
    this.spec = spec;
    this.sensors = sensors;
  }

  /**
   * Checks {@code spec} and prepares its run; nothing is generated yet.
   *
   * @throws IllegalArgumentException naming the sensor or fault at fault when the spec is invalid
   */
  public static Simulation of(SimulationSpec spec) {
    if (spec.durationNs() < 0) {
      throw new IllegalArgumentException("duration must not be negative: " + spec.durationNs() + "ns");
    }
    Map<String, SensorStream> sensors = new LinkedHashMap<>();
    spec.sensors().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(sensor -> {
      if (sensors.put(sensor.id(), new SensorStream(spec, sensor)) != null) {
        throw new IllegalArgumentException("sensor id " + sensor.id() + " is declared more than once");
      }
      check(spec, sensor);
    });
    for (int position = 0; position < spec.faults().size(); position++) {
      FaultSpec fault = spec.faults().get(position);
      for (String id : fault.sensors()) {
        if (!sensors.containsKey(id)) {
          throw new IllegalArgumentException("faults[" + position + "] names unknown sensor " + id
              + "; declared sensors are " + sensors.keySet());
        }
      }
    }
    return new Simulation(spec, sensors);
  }

  private static void check(SimulationSpec spec, SensorSpec sensor) {
    long samples = sensor.rate().countBefore(spec.durationNs());
    if (samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("sensor " + sensor.id() + ": " + samples + " samples at " + sensor.rate()
          + " exceed the supported " + MAX_SAMPLES + " (2^40) per sensor; shorten the duration or lower the rate");
    }
    SensorSignal.compile(spec.seed(), sensor);
    FaultChain.of(spec, sensor, reading -> {});
  }

  /** The spec this simulation runs. */
  public SimulationSpec spec() {
    return spec;
  }

  /** All readings of the run in stream order; see the class comment. */
  public Iterator<Reading> readings() {
    return readings(new VirtualClock());
  }

  /** As {@link #readings()}, advancing {@code clock} to each reading's emission time as it is returned. */
  public Iterator<Reading> readings(VirtualClock clock) {
    List<Iterator<Reading>> cursors = sensors.values().stream()
        .map(sensor -> sensor.readings().iterator()).toList();
    return new ReadingScheduler(cursors, clock);
  }

  /** {@link #readings()} as a sequential stream. */
  public Stream<Reading> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(readings(),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
  }

  /** The sensor with {@code id}, for seeking and per-sensor generation; empty if there is none. */
  public Optional<SensorStream> sensor(String id) {
    return Optional.ofNullable(sensors.get(id));
  }
}

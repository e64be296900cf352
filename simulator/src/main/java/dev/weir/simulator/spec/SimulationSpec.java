package dev.weir.simulator.spec;

import java.util.List;

/**
 * Everything the simulator needs: the {@code seed}, {@code duration}, {@code sensors} and
 * {@code faults} part of a scenario file. The stream is a pure function of this value.
 *
 * @param seed the run's seed
 * @param durationNs virtual run length; readings are sampled in [0, durationNs)
 * @param sensors at least one, ids unique
 * @param faults possibly empty, in declaration order
 */
public record SimulationSpec(long seed, long durationNs, List<SensorSpec> sensors, List<FaultSpec> faults) {

  public SimulationSpec {
    sensors = List.copyOf(sensors);
    faults = List.copyOf(faults);
  }

  /** The same spec with another seed. */
  public SimulationSpec withSeed(long newSeed) {
    return new SimulationSpec(newSeed, durationNs, sensors, faults);
  }

  /** The same spec with another duration. */
  public SimulationSpec withDuration(long newDurationNs) {
    return new SimulationSpec(seed, newDurationNs, sensors, faults);
  }
}

package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SimulationSpec;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Where a scenario's readings come from: the simulator's sensors, or a recording replayed. */
public sealed interface Source permits Source.Simulated, Source.Recorded {

  /** The run's seed: the simulator's, and every seeded choice the runner makes (transport faults). */
  long seed();

  /** Virtual run length; empty for a recording replayed to its end. */
  OptionalLong durationNs();

  /** The same readings' source with another seed: the simulator's and the wire faults'. */
  Source withSeed(long seed);

  /**
   * Readings from the simulator: the file's {@code seed}, {@code duration}, {@code sensors} and
   * (source) {@code faults}, as the simulator's parser reads them.
   */
  record Simulated(SimulationSpec simulation) implements Source {

    @Override
    public long seed() {
      return simulation.seed();
    }

    @Override
    public OptionalLong durationNs() {
      return OptionalLong.of(simulation.durationNs());
    }

    @Override
    public Simulated withSeed(long seed) {
      return new Simulated(simulation.withSeed(seed));
    }
  }

  /**
   * Readings from a recording ({@code source: {recording: PATH}}), which replaces the sensors.
   *
   * @param recording absolute; it existed when the scenario was parsed
   * @param durationNs how much of it to replay, from its start; empty for all of it
   */
  record Recorded(Path recording, long seed, OptionalLong durationNs) implements Source {

    /** The same recording and cut; the seed places the wire faults, the readings stay the file's. */
    @Override
    public Recorded withSeed(long newSeed) {
      return new Recorded(recording, newSeed, durationNs);
    }
  }
}

package dev.weir.simulator.recording;

import java.util.Objects;

/**
 * What a recording was made from, stored in its {@code weir} metadata record so a field recording can be traced back
 * to (and regenerated from) its scenario.
 *
 * @param specName the scenario or spec name, never null, may be empty
 * @param seed the seed every sensor value derives from
 * @param durationNs the run's virtual duration in nanoseconds
 */
public record RunInfo(String specName, long seed, long durationNs) {

  public RunInfo {
    Objects.requireNonNull(specName, "specName");
  }
}

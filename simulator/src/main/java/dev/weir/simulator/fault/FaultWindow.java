package dev.weir.simulator.fault;

import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.stream.Reading;

/**
 * A fault's window tested against when a reading was sampled, {@code rate.timeOf(index)}, not
 * against its emission time, so a fault's effect does not depend on the faults declared before it.
 */
record FaultWindow(FaultSpec spec, Rate rate) {

  boolean contains(Reading reading) {
    return spec.activeAt(sampleTime(reading));
  }

  long sampleTime(Reading reading) {
    return rate.timeOf(reading.index());
  }

  /** Where the window ends, or {@code Long.MAX_VALUE} if it lasts until the end (or beyond what a long holds). */
  long endNs() {
    return spec.forNs() > Long.MAX_VALUE - spec.atNs() ? Long.MAX_VALUE : spec.atNs() + spec.forNs();
  }
}

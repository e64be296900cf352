package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.function.Consumer;

/** Shifts the sensor-reported {@code stampNs}; emission time and values are untouched. */
record StampFault(Shift shift) implements ReadingTransform {

  /** How far the stamp of a reading moves; 0 for none. */
  interface Shift {
    long nanos(Reading reading);
  }

  @Override
  public void accept(Reading reading, Consumer<Reading> out) {
    long nanos = shift.nanos(reading);
    out.accept(nanos == 0 ? reading
        : new Reading(reading.sensor(), reading.index(), reading.timeNs(), reading.stampNs() + nanos, reading.values()));
  }
}

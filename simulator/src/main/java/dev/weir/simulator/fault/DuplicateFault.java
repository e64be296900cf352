package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.function.Consumer;

/** Emits readings in the window twice with a seeded probability; the copy follows the original and equals it. */
record DuplicateFault(FaultWindow window, Chance chance) implements ReadingTransform {

  @Override
  public void accept(Reading reading, Consumer<Reading> out) {
    out.accept(reading);
    if (window.contains(reading) && chance.hits(reading.index())) {
      out.accept(new Reading(reading.sensor(), reading.index(), reading.timeNs(), reading.stampNs(),
          reading.values().clone()));
    }
  }
}

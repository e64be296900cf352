package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.function.Consumer;

/** Replaces all channel values of readings in the window, with a seeded probability, by fixed values. */
record ValueFault(FaultWindow window, Chance chance, double[] replacement) implements ReadingTransform {

  @Override
  public void accept(Reading reading, Consumer<Reading> out) {
    if (window.contains(reading) && chance.hits(reading.index())) {
      out.accept(new Reading(reading.sensor(), reading.index(), reading.timeNs(), reading.stampNs(),
          replacement.clone()));
    } else {
      out.accept(reading);
    }
  }
}

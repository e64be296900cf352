package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.function.Consumer;

/** Loses readings in the window with a seeded probability: a gap in the stream. */
record DropoutFault(FaultWindow window, Chance chance) implements ReadingTransform {

  @Override
  public void accept(Reading reading, Consumer<Reading> out) {
    if (!(window.contains(reading) && chance.hits(reading.index()))) {
      out.accept(reading);
    }
  }
}

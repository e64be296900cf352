package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.function.Consumer;

/** One fault's effect on a sensor's readings, in index order: zero or more readings out per reading in. */
interface ReadingTransform {

  void accept(Reading reading, Consumer<Reading> out);

  /** Releases anything still held once the input has ended. */
  default void finish(Consumer<Reading> out) {}
}

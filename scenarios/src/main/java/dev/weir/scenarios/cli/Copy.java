package dev.weir.scenarios.cli;

import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSink;
import dev.weir.simulator.stream.ReadingSource;
import java.io.IOException;

/**
 * Moves readings into a sink that commits only when every one arrived: on any failure the sink is
 * aborted, so a half-written output never appears under its name.
 */
final class Copy {

  /** How far along a reading is, in [0, 1], for progress. */
  @FunctionalInterface
  interface Fraction {
    double of(Reading reading);
  }

  private Copy() {}

  /** Copies all of {@code from} into {@code to}, commits it, and returns the number of readings. */
  static long all(ReadingSource from, ReadingSink to, Progress progress, Fraction fraction) throws IOException {
    long n = 0;
    try {
      for (Reading r = from.next(); r != null; r = from.next()) {
        to.write(r);
        n++;
        progress.step(fraction.of(r));
      }
      to.close();
    } catch (IOException | RuntimeException | Error e) {
      to.abort();
      throw e;
    }
    progress.done();
    return n;
  }
}

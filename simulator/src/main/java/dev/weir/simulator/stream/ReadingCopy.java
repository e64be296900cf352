package dev.weir.simulator.stream;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Moves readings into a sink that commits only when every one arrived: on any failure the sink is
 * aborted, so a half-written output never appears under its name.
 */
public final class ReadingCopy {

  private ReadingCopy() {}

  /**
   * Copies all of {@code from} into {@code to}, telling {@code copied} of each reading written (for
   * progress), commits it, and returns the number of readings.
   */
  public static long all(ReadingSource from, ReadingSink to, Consumer<Reading> copied) throws IOException {
    long n = 0;
    try {
      for (Reading r = from.next(); r != null; r = from.next()) {
        to.write(r);
        n++;
        copied.accept(r);
      }
      to.close();
    } catch (IOException | RuntimeException | Error e) {
      to.abort();
      throw e;
    }
    return n;
  }
}

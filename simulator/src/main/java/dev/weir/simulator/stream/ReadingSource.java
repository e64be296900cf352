package dev.weir.simulator.stream;

import java.io.IOException;
import java.util.Iterator;

/**
 * Readings pulled one at a time from a file: a recording, a CSV or NDJSON field log.
 *
 * <p>One shape for every reader lets a conversion or a replay take any of them. Unlike an
 * {@link java.util.Iterator}, {@link #next()} may fail with the file's own error (byte offset,
 * line and column), which is exactly what a user of a damaged file needs to see.
 */
@FunctionalInterface
public interface ReadingSource extends AutoCloseable {

  /** The next reading, or null at the end. */
  Reading next() throws IOException;

  /** Releases the file; nothing to do for an in-memory source. */
  @Override
  default void close() throws IOException {}

  /** The readings of an iterator, such as a {@link Simulation}'s stream. */
  static ReadingSource of(Iterator<Reading> readings) {
    return () -> readings.hasNext() ? readings.next() : null;
  }
}

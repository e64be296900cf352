package dev.weir.simulator.stream;

import java.io.IOException;

/**
 * Readings written to a file that appears only when complete: a recording or a CSV export.
 *
 * <p>{@link #close()} commits; after a failure the writer calls {@link #abort()} instead, and no
 * file, complete-looking or not, is left at the target path.
 */
public interface ReadingSink extends AutoCloseable {

  /** Appends one reading. */
  void write(Reading reading) throws IOException;

  /** Finishes the file and moves it to its path. */
  @Override
  void close() throws IOException;

  /** Discards what was written; the target path is left as it was. Safe to call more than once. */
  void abort();
}

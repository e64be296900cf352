package dev.weir.simulator.codec;

import java.io.IOException;

/**
 * A message that is not a valid encoded reading.
 *
 * <p>It is an {@link IOException} because it surfaces while reading a recording, next to the
 * MCAP layer's own format errors, and callers handle both the same way.
 */
public final class ReadingFormatException extends IOException {

  private final long byteOffset;

  /**
   * @param byteOffset where in the message the problem was found, from 0
   * @param problem what was expected and what was found
   */
  public ReadingFormatException(long byteOffset, String problem) {
    super(problem + " (at byte " + byteOffset + " of the message)");
    this.byteOffset = byteOffset;
  }

  /** Where in the message the problem was found, counted from the message's first byte. */
  public long byteOffset() {
    return byteOffset;
  }
}

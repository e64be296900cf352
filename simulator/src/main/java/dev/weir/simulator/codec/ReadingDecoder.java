package dev.weir.simulator.codec;

import dev.weir.simulator.stream.Reading;

/** Turns message bytes back into readings, rejecting anything that is not exactly one valid message. */
public interface ReadingDecoder {

  /**
   * Decodes the message {@code data[offset, offset + length)}.
   *
   * @param timeNs the reading's emission time, which travels outside the message (MCAP {@code log_time})
   * @return the reading, never null
   * @throws ReadingFormatException when the bytes are not one valid message; its offset is relative
   *     to the start of the message
   */
  Reading decode(byte[] data, int offset, int length, long timeNs) throws ReadingFormatException;
}

package dev.weir.simulator.codec;

import dev.weir.simulator.stream.Reading;

/**
 * Turns readings into message bytes, reusing one buffer so the write path does not allocate per
 * message.
 *
 * <p>The reading's {@code timeNs} is not encoded: it is the MCAP {@code log_time} of the message.
 */
public interface ReadingEncoder {

  /**
   * Encodes one reading into {@link #buffer()}.
   *
   * @return the message length: the message is {@code buffer()[0, length)}
   */
  int encode(Reading reading);

  /**
   * The buffer holding the last encoded message. Call it after {@link #encode}: encoding overwrites the buffer and,
   * when a message outgrows it, replaces it.
   */
  byte[] buffer();
}

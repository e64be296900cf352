package dev.weir.simulator.recording;

import java.io.IOException;

/**
 * A valid MCAP file whose content is not a weir recording, or a message in it that does not decode to a reading. The
 * message names the channel (id and topic) and, for a message, its log time and sequence. Damage to the MCAP structure
 * itself is reported by the MCAP layer as {@link dev.weir.simulator.mcap.McapFormatException}, with the byte offset.
 */
public final class RecordingFormatException extends IOException {

  RecordingFormatException(String message) {
    super(message);
  }

  RecordingFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.weir.harness.transport.net;

import java.nio.charset.StandardCharsets;

/**
 * Checks a WebSocket close code and reason before they reach Jetty, with an error that says why.
 */
final class CloseStatus {

  /** A close frame's payload is at most 125 bytes, two of which are the code (RFC 6455 5.5). */
  private static final int MAX_REASON_BYTES = 123;

  private CloseStatus() {}

  static void check(int code, String reason) {
    boolean sendable =
        (code >= 1000 && code <= 1003)
            || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
    if (!sendable) {
      throw new IllegalArgumentException(
          "WebSocket close code "
              + code
              + " cannot be sent: expected 1000-1003, 1007-1014 or 3000-4999"
              + " (1004-1006 and 1015 are reserved and never sent in a close frame)");
    }
    if (reason == null) {
      throw new IllegalArgumentException("WebSocket close reason must not be null (use \"\")");
    }
    int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REASON_BYTES) {
      throw new IllegalArgumentException(
          "WebSocket close reason must be at most 123 bytes of UTF-8 but was " + bytes + " bytes");
    }
  }
}

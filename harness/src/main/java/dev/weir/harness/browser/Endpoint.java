package dev.weir.harness.browser;

import java.util.Map;

/**
 * A dynamic answer under {@code weir://<host>/.weir/}, for transports that hand the page data
 * through the custom scheme (a channel's parked payloads, a streamed response).
 */
@FunctionalInterface
public interface Endpoint {

  /**
   * Answers one request; runs on a CEF IO thread, so it must not block for long.
   *
   * @param path the part after {@code /.weir/}, such as {@code channel-fetch}
   */
  Reply answer(String method, String path, Map<String, String> headers);

  /** A complete response. */
  record Reply(int status, String contentType, byte[] body) {
    /** A 200 response. */
    public static Reply ok(String contentType, byte[] body) {
      return new Reply(200, contentType, body);
    }
  }
}

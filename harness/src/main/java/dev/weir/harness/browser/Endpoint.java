package dev.weir.harness.browser;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
   * @param path the part after {@code /.weir/}, query included, such as {@code
   *     stream?ticket=7}
   */
  Reply answer(String method, String path, Map<String, String> headers);

  /**
   * A response. The body is read on CEF's resource threads, which may block: a streamed body
   * blocks until it has data and ends at end-of-stream; closing it means the page went away.
   *
   * @param length the body's length, or -1 when unknown (a stream)
   */
  record Reply(int status, String contentType, InputStream body, long length) {
    /** A 200 response with a complete body. */
    public static Reply ok(String contentType, byte[] body) {
      return of(200, contentType, body);
    }

    /** A complete response. */
    public static Reply of(int status, String contentType, byte[] body) {
      return new Reply(status, contentType, new ByteArrayInputStream(body), body.length);
    }

    /** A 200 response streamed until {@code body} ends. */
    public static Reply stream(String contentType, InputStream body) {
      return new Reply(200, contentType, body, -1);
    }
  }
}

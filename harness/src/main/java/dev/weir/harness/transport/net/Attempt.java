package dev.weir.harness.transport.net;

/**
 * One request that reached the server, as listeners see it before it is accepted or refused.
 *
 * @param endpoint which kind of endpoint the path addresses
 * @param stream the stream named in the path; empty when the path names none
 */
public record Attempt(Endpoint endpoint, String stream) {

  /** The kinds of path the server answers. */
  public enum Endpoint {
    /** {@code /ws/<stream>} */
    WEBSOCKET,
    /** {@code /sse/<stream>} */
    EVENT_STREAM,
    /** Any other path: always refused. */
    UNKNOWN
  }
}

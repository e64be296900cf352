package dev.weir.harness.transport.net;

/**
 * One request that reached the server, as listeners see it before it is accepted or refused.
 *
 * @param endpoint which kind of endpoint the path addresses
 * @param stream the stream named in the path; empty when the path names none
 * @param began when the page began the attempt, as the request says; null when it does not
 */
public record Attempt(Endpoint endpoint, String stream, Began began) {

  /** The kinds of path the server answers. */
  public enum Endpoint {
    /** {@code /ws/<stream>} */
    WEBSOCKET,
    /** {@code /sse/<stream>} */
    EVENT_STREAM,
    /** Any other path: always refused. */
    UNKNOWN
  }

  /**
   * The page's time when it began the attempt (query {@code began}, {@code performance.now()})
   * and the document whose clock that is ({@code origin}, {@code performance.timeOrigin}). A
   * browser may hold a connection back before it reaches the server (Chromium delays WebSockets
   * after failed ones); this is the time before any of that.
   */
  public record Began(double origin, double atMs) {}
}

package dev.weir.harness.transport.net;

import java.util.Objects;
import java.util.OptionalDouble;

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
   *
   * @param heardMs when, on the same clock, the page heard that its previous attempt on the stream
   *     failed or its connection was lost (query {@code heard}): where its wait for this attempt
   *     could begin. Empty when the request does not say, or says a time after {@code atMs}.
   */
  public record Began(double origin, double atMs, OptionalDouble heardMs) {

    public Began {
      Objects.requireNonNull(heardMs, "heardMs");
    }

    /** An attempt that says nothing of a loss before it. */
    public Began(double origin, double atMs) {
      this(origin, atMs, OptionalDouble.empty());
    }
  }
}

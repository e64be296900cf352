package dev.weir.harness.transport.net;

/** Why the server turned a request away; each refusal is counted and reported to listeners. */
public enum Refusal {
  /** No {@code token} query parameter: 403. */
  MISSING_TOKEN(403),
  /** A {@code token} that is not this server's: 403. */
  WRONG_TOKEN(403),
  /** A path that names no registered stream: 404. */
  UNKNOWN_STREAM(404),
  /** A request to a WebSocket path that is not a valid upgrade: 400. */
  NOT_AN_UPGRADE(400),
  /** A method other than GET on an event stream: 405. */
  METHOD_NOT_ALLOWED(405),
  /** The server is {@link LoopbackServer#down down}: the connection is dropped, or 503. */
  DOWN(503);

  private final int status;

  Refusal(int status) {
    this.status = status;
  }

  /** The HTTP status the refusal is answered with (unless an outage drops the connection). */
  public int status() {
    return status;
  }
}

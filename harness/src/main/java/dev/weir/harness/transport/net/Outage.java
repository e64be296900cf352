package dev.weir.harness.transport.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server behaves while {@link LoopbackServer#down(Outage) down}: the close code open
 * WebSocket sessions get, how new requests are turned away, and for how long.
 *
 * <p>Dropping the connection is the default because it is what a crashed or unreachable server
 * looks like to a browser: an {@code EventSource} reconnects by itself after a network error, but
 * gives up for good on a 503, which is {@link Answer#SERVICE_UNAVAILABLE} — a fault worth testing
 * on its own.
 *
 * @param closeCode sent to open WebSocket sessions; 1000-1003, 1007-1014 or 3000-4999
 * @param closeReason sent with it; at most 123 bytes of UTF-8
 * @param answer what a request gets while down
 * @param length how long until the server comes up by itself; {@code null}: until {@link
 *     LoopbackServer#up()}
 */
public record Outage(int closeCode, String closeReason, Answer answer, Duration length) {

  /** Close open sessions with 1001 "server down", drop new connections, until {@code up()}. */
  public static final Outage DEFAULT =
      new Outage(1001, "server down", Answer.DROP_CONNECTION, null);

  /** What a request gets while the server is down. */
  public enum Answer {
    /** The TCP connection is closed without a response: a network error to the client. */
    DROP_CONNECTION,
    /** {@code 503 Service Unavailable}. */
    SERVICE_UNAVAILABLE
  }

  public Outage {
    CloseStatus.check(closeCode, closeReason);
    Objects.requireNonNull(answer, "answer");
    if (length != null && (length.isNegative() || length.isZero())) {
      throw new IllegalArgumentException("Outage length must be positive but was " + length);
    }
  }

  public Outage withClose(int code, String reason) {
    return new Outage(code, reason, answer, length);
  }

  public Outage withAnswer(Answer newAnswer) {
    return new Outage(closeCode, closeReason, newAnswer, length);
  }

  /** This outage, ending by itself after {@code newLength}. */
  public Outage lasting(Duration newLength) {
    return new Outage(closeCode, closeReason, answer, Objects.requireNonNull(newLength, "length"));
  }
}

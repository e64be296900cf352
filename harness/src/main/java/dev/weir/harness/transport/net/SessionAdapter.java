package dev.weir.harness.transport.net;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Jetty's view of one session, forwarded to its stream, so that {@link WebSocketConnection} shows
 * none of Jetty's callbacks. Public only because Jetty calls listeners through public method
 * handles; nothing outside this package can create one.
 */
public final class SessionAdapter implements Session.Listener.AutoDemanding {

  private final long id;
  private final WebSocketStream stream;
  private final Availability availability;
  private volatile WebSocketConnection connection;

  SessionAdapter(long id, WebSocketStream stream, Availability availability) {
    this.id = id;
    this.stream = stream;
    this.availability = availability;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    WebSocketConnection opened = new WebSocketConnection(id, stream, session);
    connection = opened;
    stream.opened(opened);
    // The server may have gone down between accepting the upgrade and now: its sweep missed us.
    Outage outage = availability.outage();
    if (outage != null) {
      opened.close(outage.closeCode(), outage.closeReason());
    }
  }

  @Override
  public void onWebSocketText(String text) {
    stream.received(connection, text);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    try {
      stream.received(connection, payload);
      callback.succeed();
    } catch (RuntimeException | Error e) {
      callback.fail(e);
      throw e;
    }
  }

  /** A broken connection; the close that Jetty reports next (1006) tells the listeners. */
  @Override
  public void onWebSocketError(Throwable cause) {}

  @Override
  public void onWebSocketClose(int code, String reason) {
    WebSocketConnection closed = connection;
    if (closed != null) {
      closed.closedWith(code, reason == null ? "" : reason);
    }
  }
}

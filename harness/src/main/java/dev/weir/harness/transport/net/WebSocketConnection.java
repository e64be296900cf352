package dev.weir.harness.transport.net;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** One open WebSocket session of a {@link WebSocketStream}. */
public final class WebSocketConnection {

  private final long id;
  private final WebSocketStream stream;
  private final Session session;
  private int closeCode;
  private String closeReason;

  WebSocketConnection(long id, WebSocketStream stream, Session session) {
    this.id = id;
    this.stream = stream;
    this.session = session;
  }

  /** Unique among all connections of the server, in the order they were accepted. */
  public long id() {
    return id;
  }

  public WebSocketStream stream() {
    return stream;
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  /**
   * Sends a text frame, from any thread; frames leave in the order of the calls. The future
   * completes when the frame is written and fails if the session closed first.
   */
  public synchronized CompletableFuture<Void> sendText(String text) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    session.sendText(text, completing(written));
    return written;
  }

  /** Like {@link #sendText}; {@code bytes} must not change until the future completes. */
  public synchronized CompletableFuture<Void> sendBinary(ByteBuffer bytes) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    session.sendBinary(bytes, completing(written));
    return written;
  }

  /**
   * Starts the closing handshake: {@link WebSocketStream.Listener#closing} at once, {@link
   * WebSocketStream.Listener#closed} when it is over.
   */
  public void close(int code, String reason) {
    CloseStatus.check(code, reason);
    boolean first;
    synchronized (this) {
      first = closeReason == null;
      if (first) {
        closeCode = code;
        closeReason = reason;
      }
    }
    if (first) {
      stream.closing(this, code, reason);
    }
    session.close(code, reason, Callback.NOOP);
  }

  /** Reports the close: the server's code and reason if it closed first, else the client's. */
  void closedWith(int code, String reason) {
    int firstCode;
    String firstReason;
    synchronized (this) {
      if (closeReason == null) {
        closeCode = code;
        closeReason = reason;
      }
      firstCode = closeCode;
      firstReason = closeReason;
    }
    stream.closed(this, firstCode, firstReason);
  }

  private static Callback completing(CompletableFuture<Void> written) {
    return Callback.from(() -> written.complete(null), written::completeExceptionally);
  }

  @Override
  public String toString() {
    return "WebSocketConnection[" + stream.name() + " #" + id + "]";
  }
}

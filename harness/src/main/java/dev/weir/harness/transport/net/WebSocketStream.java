package dev.weir.harness.transport.net;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A named WebSocket endpoint ({@code /ws/<name>}) and the sessions connected to it. Sends go to
 * every open session; listeners hear opens, closes and the frames clients send (acks, credits).
 */
public final class WebSocketStream {

  /**
   * Hears one stream's sessions. Called on the server's threads, one frame at a time per session
   * and in the order the client sent them; the next frame is read when the call returns.
   */
  public interface Listener {
    /** The session is open and already gets {@link #sendText broadcasts}. */
    default void opened(WebSocketConnection connection) {}

    default void text(WebSocketConnection connection, String text) {}

    /** {@code bytes} is read-only and valid only during the call: copy what you keep. */
    default void binary(WebSocketConnection connection, ByteBuffer bytes) {}

    /**
     * Called once per session: the server's code and reason when it closed first, else the
     * client's; 1006 when the connection broke without a close frame.
     */
    default void closed(WebSocketConnection connection, int code, String reason) {}

    /**
     * Called when the server starts closing a session, before its close frame goes out: from this
     * moment the page may hear of the close, while {@link #closed} waits for the handshake.
     */
    default void closing(WebSocketConnection connection, int code, String reason) {}
  }

  private final String name;
  private final Connections<WebSocketConnection, Listener> connections = new Connections<>();

  WebSocketStream(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void addListener(Listener listener) {
    connections.addListener(listener);
  }

  /** The sessions open now, in the order they opened. */
  public List<WebSocketConnection> connections() {
    return connections.snapshot();
  }

  /**
   * Sends a text frame to every open session, from any thread; each session gets frames in the
   * order of these calls. The future completes when every copy is written.
   */
  public CompletableFuture<Void> sendText(String text) {
    return connections.broadcast(connection -> connection.sendText(text));
  }

  /** Like {@link #sendText}; {@code bytes} must not change until the future completes. */
  public CompletableFuture<Void> sendBinary(ByteBuffer bytes) {
    return connections.broadcast(connection -> connection.sendBinary(bytes.slice()));
  }

  /** Closes every open session with this code and reason. */
  public void close(int code, String reason) {
    CloseStatus.check(code, reason);
    connections().forEach(connection -> connection.close(code, reason));
  }

  int openCount() {
    return connections.size();
  }

  void opened(WebSocketConnection connection) {
    connections.open(connection, Listener::opened);
  }

  void received(WebSocketConnection connection, String text) {
    connections.notifyListeners(listener -> listener.text(connection, text));
  }

  void received(WebSocketConnection connection, ByteBuffer bytes) {
    connections.notifyListeners(listener -> listener.binary(connection, bytes.asReadOnlyBuffer()));
  }

  void closing(WebSocketConnection connection, int code, String reason) {
    connections.notifyListeners(listener -> listener.closing(connection, code, reason));
  }

  void closed(WebSocketConnection connection, int code, String reason) {
    if (connections.remove(connection)) {
      connections.notifyListeners(listener -> listener.closed(connection, code, reason));
    }
  }

  @Override
  public String toString() {
    return "WebSocketStream[" + name + "]";
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.net.WebSocketConnection;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection as a subscription: JSON as a text frame {@code "<seq> <json>"}, bytes as
 * a binary frame led by the 8-byte big-endian sequence. Closing it ends the stream with 1000.
 */
final class WebSocketWire implements TransportWire {

  private final WebSocketConnection connection;
  private final Runnable onEnd;
  private volatile boolean open = true;

  /** @param onEnd run once when the backend closes */
  WebSocketWire(WebSocketConnection connection, Runnable onEnd) {
    this.connection = connection;
    this.onEnd = onEnd;
  }

  @Override
  public void send(long sequence, Payload message) {
    if (!isOpen()) {
      throw new IllegalStateException("the WebSocket connection is closed");
    }
    if (message instanceof Payload.Json json) {
      connection.sendText(sequence + " " + json.text());
    } else {
      byte[] bytes = ((Payload.Bytes) message).bytes();
      connection.sendBinary(ByteBuffer.allocate(8 + bytes.length).putLong(sequence).put(bytes).flip());
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
    }
    onEnd.run(); // first: the session's close that follows is the end's, not a close of its own
    connection.close(1000, "end of stream");
  }

  @Override
  public boolean isOpen() {
    return open && connection.isOpen();
  }

  @Override
  public void detach() {
    open = false;
  }
}

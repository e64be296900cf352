package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.net.WebSocketConnection;
import java.nio.ByteBuffer;

/** One WebSocket connection as a subscription: closing it ends the stream with 1000. */
final class WebSocketSender implements Sender {

  private final WebSocketConnection connection;
  private volatile boolean open = true;

  WebSocketSender(WebSocketConnection connection) {
    this.connection = connection;
  }

  @Override
  public void send(Payload message) {
    if (!isOpen()) {
      throw new IllegalStateException("the WebSocket connection is closed");
    }
    if (message instanceof Payload.Json json) {
      connection.sendText(json.text());
    } else {
      connection.sendBinary(ByteBuffer.wrap(((Payload.Bytes) message).bytes()));
    }
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      connection.close(1000, "end of stream");
    }
  }

  @Override
  public boolean isOpen() {
    return open && connection.isOpen();
  }

  void detach() {
    open = false;
  }
}

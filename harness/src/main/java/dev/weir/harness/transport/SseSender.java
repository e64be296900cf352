package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.net.EventStreamConnection;
import dev.weir.harness.transport.net.ServerSentEvent;

/** One event-stream connection as a subscription; closing it ends the response. */
final class SseSender implements Sender {

  private final EventStreamConnection connection;
  private long id;
  private volatile boolean open = true;

  SseSender(EventStreamConnection connection) {
    this.connection = connection;
  }

  @Override
  public synchronized void send(Payload message) {
    if (!(message instanceof Payload.Json json)) {
      throw new IllegalArgumentException("Server-Sent Events carry text; send JSON, got " + message);
    }
    if (!isOpen()) {
      throw new IllegalStateException("the event stream is closed");
    }
    connection.send(ServerSentEvent.data(json.text()).withId(Long.toString(id++)));
  }

  /**
   * Sends an {@code end} event, on which the JS half closes its EventSource (left alone, an
   * EventSource reconnects when a response ends), then ends the response.
   */
  @Override
  public synchronized void close() {
    if (open) {
      open = false;
      connection.send(ServerSentEvent.data(Long.toString(id)).withType("end"));
      connection.end();
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

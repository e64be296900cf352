package dev.weir.harness.transport.net;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A named Server-Sent Events endpoint ({@code /sse/<name>}) and the clients reading it. Sends go to
 * every open connection; listeners hear connects (with the client's {@code Last-Event-ID}, so a
 * stream can resume after it) and disconnects.
 */
public final class EventStream {

  /** Hears one stream's connections. Called on the server's threads: return quickly. */
  public interface Listener {
    /**
     * A client connected; it already gets {@link #send broadcasts}. To resume after {@link
     * EventStreamConnection#lastEventId()}, keep your own set of connections and send to each under
     * your own lock, together with the replay: a broadcast is not atomic with a replay.
     */
    default void opened(EventStreamConnection connection) {}

    /**
     * Called once per connection: {@code failure} is empty when the server ended the response, else
     * why it broke (usually the client going away).
     */
    default void closed(EventStreamConnection connection, Optional<Throwable> failure) {}
  }

  private final String name;
  private final Connections<EventStreamConnection, Listener> connections = new Connections<>();

  EventStream(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void addListener(Listener listener) {
    connections.addListener(listener);
  }

  /** The connections open now, in the order they opened. */
  public List<EventStreamConnection> connections() {
    return connections.snapshot();
  }

  /**
   * Sends the event to every open connection, from any thread; each connection gets events in the
   * order of these calls. The future completes when every copy is written.
   */
  public CompletableFuture<Void> send(ServerSentEvent event) {
    byte[] encoded = event.encode();
    return connections.broadcast(connection -> connection.sendEncoded(encoded));
  }

  /** Ends every open response after what was sent so far; an EventSource then reconnects. */
  public void end() {
    connections().forEach(EventStreamConnection::end);
  }

  void heartbeat() {
    connections.broadcast(connection -> connection.sendEncoded(Heartbeat.COMMENT));
  }

  int openCount() {
    return connections.size();
  }

  void opened(EventStreamConnection connection) {
    connections.open(connection, Listener::opened);
  }

  void closed(EventStreamConnection connection, Throwable failure) {
    if (connections.remove(connection)) {
      connections.notifyListeners(
          listener -> listener.closed(connection, Optional.ofNullable(failure)));
    }
  }

  @Override
  public String toString() {
    return "EventStream[" + name + "]";
  }
}

package dev.weir.harness.transport.net;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One client reading an {@link EventStream}: one open {@code text/event-stream} response. */
public final class EventStreamConnection {

  private final long id;
  private final EventStream stream;
  private final String lastEventId;
  private final ResponseStreamer streamer;

  EventStreamConnection(
      long id, EventStream stream, String lastEventId, Response response, Callback completion) {
    this.id = id;
    this.stream = stream;
    this.lastEventId = lastEventId;
    this.streamer =
        new ResponseStreamer(response, completion, failure -> stream.closed(this, failure));
  }

  /** Unique among all connections of the server, in the order they were accepted. */
  public long id() {
    return id;
  }

  public EventStream stream() {
    return stream;
  }

  /**
   * The {@code Last-Event-ID} header the client sent: the id of the last event it saw before it
   * reconnected. Empty on a first connection.
   */
  public Optional<String> lastEventId() {
    return Optional.ofNullable(lastEventId);
  }

  public boolean isOpen() {
    return streamer.isOpen();
  }

  /**
   * Sends the event to this client only, from any thread, in the order of the calls. The future
   * completes when it is written and fails if the response ended first.
   */
  public CompletableFuture<Void> send(ServerSentEvent event) {
    return sendEncoded(event.encode());
  }

  /** Ends the response once everything sent so far is written. */
  public void end() {
    streamer.end();
  }

  CompletableFuture<Void> sendEncoded(byte[] encoded) {
    return streamer.write(encoded);
  }

  /** The response broke (the client went away): fail what is queued and report the close. */
  void abort(Throwable cause) {
    streamer.abort(cause);
  }

  @Override
  public String toString() {
    return "EventStreamConnection[" + stream.name() + " #" + id + "]";
  }
}

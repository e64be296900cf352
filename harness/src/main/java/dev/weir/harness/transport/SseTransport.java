package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.net.Attempt;
import dev.weir.harness.transport.net.EventStream;
import dev.weir.harness.transport.net.EventStreamConnection;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.transport.net.Outage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Server-Sent Events read by the browser's own EventSource. A subscription is a session that
 * survives its connection: when the connection breaks, the EventSource reconnects by itself with
 * {@code Last-Event-ID}, and the session resumes on the new connection without loss or duplicates
 * (see {@link SseWire}). The page ends a session with {@code weir:sse-close}, since to the server
 * a closed EventSource looks like a broken connection. SSE carries text only and has no
 * backpressure.
 */
final class SseTransport extends OfferingTransport {

  /** Messages each session keeps for a resume. */
  static final int REPLAY_CAPACITY = 65_536;

  private record Session(SseWire wire, Subscription subscription) {}

  private final LoopbackServer server;
  /** This transport's streams on the server, so that pages sharing a server never cross. */
  private final String prefix = ServerStreams.prefix();
  private final Set<String> listening = ConcurrentHashMap.newKeySet();
  private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong nextSession = new AtomicLong();

  SseTransport(Page page, Trace trace, LoopbackServer server) {
    super(
        Offers.forPage(
            "sse", page, trace, false, 
            length -> server.down(Outage.DEFAULT.lasting(length))));
    this.server = server;
    server.addListener(offers.serverListener(Attempt.Endpoint.EVENT_STREAM, prefix));
    page.bridge().handle("tauri:weir:sse-url", request -> url(Arguments.json(request)));
    page.bridge().handle("tauri:weir:sse-close", request -> close(Arguments.json(request)));
  }

  @Override
  public void offer(String stream, Offer offer, Consumer<Sender> onSubscribe) {
    super.offer(stream, offer, onSubscribe);
    if (listening.add(stream)) {
      server.eventStream(prefix + stream).addListener(new Connections(stream));
    }
  }

  private CompletableFuture<Payload> url(String args) {
    String stream = JsonText.string(args, "stream");
    offers.require(stream);
    return CompletableFuture.completedFuture(
        Payload.json(
            "{\"url\":" + JsonText.quote(server.eventSourceUri(prefix + stream).toString()) + "}"));
  }

  private CompletableFuture<Payload> close(String args) {
    Session session = sessions.remove(JsonText.number(args, "session"));
    if (session != null) {
      session.subscription().closedByPage("unsubscribe");
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private final class Connections implements EventStream.Listener {
    private final String stream;

    Connections(String stream) {
      this.stream = stream;
    }

    /** A reconnect with a Last-Event-ID a session still holds resumes it; anything else is new. */
    @Override
    public void opened(EventStreamConnection connection) {
      Optional<Session> resumed = connection.lastEventId().flatMap(this::holder);
      if (resumed.isPresent()) {
        long last = Long.parseLong(connection.lastEventId().get());
        offers.traced(stream).lifecycle(EventKind.OPEN, last, "resume");
        resumed.get().wire().resume(connection, last);
        return;
      }
      long key = nextSession.incrementAndGet();
      SseWire[] wire = new SseWire[1];
      Subscription subscription =
          offers.subscribe(stream, "connect", ended -> wire[0] = new SseWire(
              key, REPLAY_CAPACITY, offers.traced(stream), () -> {
                sessions.remove(key);
                ended.run();
              }, connection));
      if (!subscription.isEnded()) {
        sessions.put(key, new Session(wire[0], subscription));
      }
    }

    private Optional<Session> holder(String lastEventId) {
      if (!lastEventId.matches("[0-9]{1,18}")) {
        return Optional.empty();
      }
      long last = Long.parseLong(lastEventId);
      return sessions.values().stream()
          .filter(s -> s.wire().isResumable() && !s.wire().isConnected() && s.wire().holds(last))
          .findFirst();
    }

    @Override
    public void closed(EventStreamConnection connection, Optional<Throwable> failure) {
      for (Session session : sessions.values()) {
        if (session.wire().isResumable() && session.wire().lostConnection(connection)) {
          offers.traced(stream).lifecycle(EventKind.CLOSE, "disconnected");
        }
      }
    }
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.net.EventStream;
import dev.weir.harness.transport.net.EventStreamConnection;
import dev.weir.harness.transport.net.LoopbackServer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Server-Sent Events read by the browser's own EventSource: each message is one event whose
 * {@code data} is the JSON text and whose {@code id} counts messages on the connection. SSE carries
 * text only and has no backpressure.
 */
final class SseTransport implements Transport {

  private final LoopbackServer server;
  private final Offers offers = new Offers("sse");
  private final Set<String> listening = ConcurrentHashMap.newKeySet();
  private final Map<Long, SseSender> senders = new ConcurrentHashMap<>();

  SseTransport(Page page, LoopbackServer server) {
    this.server = server;
    page.bridge().handle("tauri:weir:sse-url", request -> url(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "sse";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, null, onSubscribe);
    if (listening.add(stream)) {
      server.eventStream(stream).addListener(new Subscriptions(stream));
    }
  }

  private CompletableFuture<Payload> url(String args) {
    String stream = JsonText.string(args, "stream");
    offers.require(stream);
    return CompletableFuture.completedFuture(
        Payload.json(
            "{\"url\":" + JsonText.quote(server.eventSourceUri(stream).toString()) + "}"));
  }

  private final class Subscriptions implements EventStream.Listener {
    private final String stream;

    Subscriptions(String stream) {
      this.stream = stream;
    }

    @Override
    public void opened(EventStreamConnection connection) {
      SseSender sender = new SseSender(connection);
      senders.put(connection.id(), sender);
      offers.subscribe(stream, sender);
    }

    @Override
    public void closed(EventStreamConnection connection, Optional<Throwable> failure) {
      SseSender sender = senders.remove(connection.id());
      if (sender != null) {
        sender.detach();
      }
    }
  }

  /** Subscriptions whose connection is still open: a leak check's count. */
  int openSubscriptions() {
    return senders.size();
  }
}

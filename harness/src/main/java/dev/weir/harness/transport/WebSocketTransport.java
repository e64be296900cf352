package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.PageClock;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.net.Attempt;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.transport.net.Outage;
import dev.weir.harness.transport.net.WebSocketConnection;
import dev.weir.harness.transport.net.WebSocketStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The browser's own WebSocket against the loopback server. The page asks {@code
 * weir:websocket-url} for the stream's URL (it carries the server's token), and each connection the
 * server sees is one subscription. Behind a window, the page acknowledges with {@code ack N} text
 * frames. The page adds to the URL when it began the attempt, so the server's record of the attempt
 * is timed from then: a reconnection delay is the page's wait, not the browser's connect time.
 */
final class WebSocketTransport extends OfferingTransport {

  private final LoopbackServer server;
  private final PageClock clock;
  /** This transport's streams on the server, so that pages sharing a server never cross. */
  private final String prefix = ServerStreams.prefix();
  private final Set<String> listening = ConcurrentHashMap.newKeySet();
  private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();

  WebSocketTransport(Page page, Trace trace, LoopbackServer server) {
    super(
        Offers.forPage(
            "websocket", page, trace, true, 
            length -> server.down(Outage.DEFAULT.lasting(length))));
    this.server = server;
    this.clock = page.clock();
    server.addListener(offers.serverListener(Attempt.Endpoint.WEBSOCKET, prefix));
    page.bridge().handle("tauri:weir:websocket-url", request -> url(Arguments.json(request)));
  }

  @Override
  public void offer(String stream, Offer offer, Consumer<Sender> onSubscribe) {
    super.offer(stream, offer, onSubscribe);
    if (listening.add(stream)) {
      server.webSocket(prefix + stream).addListener(new Connections(stream));
    }
  }

  private CompletableFuture<Payload> url(String args) {
    String stream = JsonText.string(args, "stream");
    // Asked as the attempt begins: a fresh sample of the page's clock, so that the attempt's begin
    // time converts well even before the page has reported anything.
    clock.heard(JsonText.decimal(args, "origin"), JsonText.decimal(args, "now"), System.nanoTime());
    int ack = offers.ackEvery(stream);
    return CompletableFuture.completedFuture(
        Payload.json(
            "{\"url\":" + JsonText.quote(server.webSocketUri(prefix + stream).toString()) + ",\"ack\":"
                + ack + "}"));
  }

  /** Connections opened and closed on one stream: subscriptions begun and ended. */
  private final class Connections implements WebSocketStream.Listener {
    private final String stream;

    Connections(String stream) {
      this.stream = stream;
    }

    @Override
    public void opened(WebSocketConnection connection) {
      long id = connection.id();
      Subscription subscription =
          offers.subscribe(stream, "connect", ended -> new WebSocketWire(connection, () -> {
            subscriptions.remove(id);
            ended.run();
          }));
      if (!subscription.isEnded()) {
        subscriptions.put(id, subscription);
      }
    }

    @Override
    public void text(WebSocketConnection connection, String text) {
      Subscription subscription = subscriptions.get(connection.id());
      if (subscription != null && text.startsWith("ack ")) {
        subscription.acknowledge(Integer.parseInt(text.substring(4)));
      }
    }

    /** The server closes first (an outage, the backend's end): the close dates from now. */
    @Override
    public void closing(WebSocketConnection connection, int code, String reason) {
      closed(connection, code, reason);
    }

    @Override
    public void closed(WebSocketConnection connection, int code, String reason) {
      Subscription subscription = subscriptions.remove(connection.id());
      if (subscription != null) {
        subscription.closedByPage("closed " + code);
      }
    }
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.transport.net.WebSocketConnection;
import dev.weir.harness.transport.net.WebSocketStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The browser's own WebSocket against the loopback server: JSON as text frames, bytes as binary
 * frames. The page asks {@code weir:websocket-url} for the stream's URL (it carries the server's
 * token), and each connection the server sees is one subscription. Behind a window, the page
 * acknowledges with {@code ack N} text frames.
 */
final class WebSocketTransport implements Transport {

  private final LoopbackServer server;
  private final Offers offers = new Offers("websocket");
  private final Set<String> listening = ConcurrentHashMap.newKeySet();
  private final Map<Long, WindowedSender> windows = new ConcurrentHashMap<>();
  private final Map<Long, WebSocketSender> senders = new ConcurrentHashMap<>();

  WebSocketTransport(Page page, LoopbackServer server) {
    this.server = server;
    page.bridge().handle("tauri:weir:websocket-url", request -> url(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "websocket";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offer(stream, null, onSubscribe);
  }

  @Override
  public void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offers.put(stream, window, onSubscribe);
    if (listening.add(stream)) {
      server.webSocket(stream).addListener(new Subscriptions(stream));
    }
  }

  private CompletableFuture<Payload> url(String args) {
    String stream = JsonText.string(args, "stream");
    int ack = offers.ackEvery(stream);
    server.webSocket(stream);
    return CompletableFuture.completedFuture(
        Payload.json(
            "{\"url\":" + JsonText.quote(server.webSocketUri(stream).toString()) + ",\"ack\":"
                + ack + "}"));
  }

  /** Connections opened and closed on one stream: subscriptions begun and ended. */
  private final class Subscriptions implements WebSocketStream.Listener {
    private final String stream;

    Subscriptions(String stream) {
      this.stream = stream;
    }

    @Override
    public void opened(WebSocketConnection connection) {
      WebSocketSender sender = new WebSocketSender(connection);
      senders.put(connection.id(), sender);
      WindowedSender windowed = offers.subscribe(stream, sender);
      if (windowed != null) {
        windows.put(connection.id(), windowed);
      }
    }

    @Override
    public void text(WebSocketConnection connection, String text) {
      WindowedSender window = windows.get(connection.id());
      if (window != null && text.startsWith("ack ")) {
        window.acknowledge(Integer.parseInt(text.substring(4)));
      }
    }

    @Override
    public void closed(WebSocketConnection connection, int code, String reason) {
      WebSocketSender sender = senders.remove(connection.id());
      if (sender != null) {
        sender.detach();
      }
      WindowedSender window = windows.remove(connection.id());
      if (window != null) {
        window.detached();
      }
    }
  }

  /** Subscriptions whose connection is still open: a leak check's count. */
  int openSubscriptions() {
    return senders.size();
  }
}

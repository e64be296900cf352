package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tauri v2 channels: the page passes a {@code Channel} to the {@code weir:subscribe} command, and
 * each subscription gets its own index counter from 0. Small payloads are evaluated in the page
 * at once; large ones are parked and fetched through the custom scheme, so they can be overtaken
 * exactly as in Tauri, and the page's Channel puts them back in index order.
 */
final class ChannelTransport implements Transport {

  private static final String PREFIX = "__CHANNEL__:";

  private final Page page;
  private final ParkedPayloads parked;
  private final Thresholds thresholds;
  private final Offers offers = new Offers("channel");
  private final Map<Long, ChannelSender> subscriptions = new ConcurrentHashMap<>();
  private final Map<Long, WindowedSender> windows = new ConcurrentHashMap<>();

  ChannelTransport(Page page, ParkedPayloads parked, Thresholds thresholds) {
    this.page = page;
    this.parked = parked;
    this.thresholds = thresholds;
    page.bridge().handle("tauri:weir:subscribe", request -> subscribe(Arguments.json(request)));
    page.bridge().handle("tauri:weir:unsubscribe", request -> unsubscribe(Arguments.json(request)));
    page.bridge().handle("tauri:weir:channel-ack", request -> acknowledge(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "channel";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, null, onSubscribe);
  }

  @Override
  public void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offers.put(stream, window, onSubscribe);
  }

  private void ended(long id) {
    subscriptions.remove(id);
    WindowedSender window = windows.remove(id);
    if (window != null) {
      window.detached(); // a producer blocked on credit must see the end
    }
  }

  /** Subscriptions neither side has ended: a leak check's count. */
  int openSubscriptions() {
    return subscriptions.size();
  }

  private CompletableFuture<Payload> subscribe(String args) {
    String stream = JsonText.string(args, "stream");
    offers.require(stream);
    long id = channelId(args);
    ChannelSender sender =
        new ChannelSender(page, id, parked, thresholds, () -> ended(id));
    subscriptions.put(id, sender);
    WindowedSender windowed = offers.subscribe(stream, sender);
    if (windowed != null) {
      windows.put(id, windowed);
    }
    return CompletableFuture.completedFuture(
        Payload.json("{" + WindowedSender.ackField(windowed) + "}"));
  }

  private CompletableFuture<Payload> acknowledge(String args) {
    WindowedSender window = windows.get(channelId(args));
    if (window != null) {
      window.acknowledge((int) JsonText.number(args, "count"));
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private CompletableFuture<Payload> unsubscribe(String args) {
    long id = channelId(args);
    ChannelSender sender = subscriptions.get(id);
    if (sender != null) {
      sender.detach();
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private static long channelId(String args) {
    String channel = JsonText.string(args, "channel");
    if (!channel.startsWith(PREFIX) || !channel.substring(PREFIX.length()).matches("[0-9]{1,15}")) {
      throw new IllegalArgumentException(
          "channel '" + channel + "': expected " + PREFIX + "<callback id>");
    }
    return Long.parseLong(channel.substring(PREFIX.length()));
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tauri v2 channels: the page passes a {@code Channel} to the {@code weir:subscribe} command, and
 * each subscription gets its own index counter from 0. Small payloads are evaluated in the page
 * at once; large ones are parked and fetched through the custom scheme, so they can be overtaken
 * exactly as in Tauri, and the page's Channel puts them back in index order.
 */
final class ChannelTransport extends OfferingTransport {

  private static final String PREFIX = "__CHANNEL__:";

  private final Page page;
  private final ParkedPayloads parked;
  private final Thresholds thresholds;
  private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();

  ChannelTransport(Page page, Trace trace, ParkedPayloads parked, Thresholds thresholds) {
    super(Offers.forPage("channel", page, trace, true, null));
    this.page = page;
    this.parked = parked;
    this.thresholds = thresholds;
    page.bridge().handle("tauri:weir:subscribe", request -> subscribe(Arguments.json(request)));
    page.bridge().handle("tauri:weir:unsubscribe", request -> unsubscribe(Arguments.json(request)));
    page.bridge().handle("tauri:weir:channel-ack", request -> acknowledge(Arguments.json(request)));
  }

  private CompletableFuture<Payload> subscribe(String args) {
    String stream = JsonText.string(args, "stream");
    long id = channelId(args);
    Subscription subscription =
        offers.subscribe(
            stream,
            "subscribe",
            ended -> new ChannelWire(page, id, parked, thresholds, () -> {
              subscriptions.remove(id);
              ended.run();
            }));
    if (!subscription.isEnded()) {
      subscriptions.put(id, subscription);
    }
    return CompletableFuture.completedFuture(Payload.json("{" + subscription.ackField() + "}"));
  }

  private CompletableFuture<Payload> acknowledge(String args) {
    Subscription subscription = subscriptions.get(channelId(args));
    if (subscription != null) {
      subscription.acknowledge((int) JsonText.number(args, "count"));
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private CompletableFuture<Payload> unsubscribe(String args) {
    Subscription subscription = subscriptions.remove(channelId(args));
    if (subscription != null) {
      subscription.closedByPage("unsubscribe");
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

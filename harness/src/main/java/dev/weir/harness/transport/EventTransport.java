package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tauri events: {@code listen} and {@code unlisten} are commands ({@code plugin:event|listen},
 * {@code plugin:event|unlisten}), and the backend delivers each event by evaluating a script that
 * runs the listener's callback. JSON only, no order field, no backpressure: Tauri's own warning
 * that events are not built for throughput is what this transport lets a scenario measure. The
 * target is this page.
 */
final class EventTransport implements Transport {

  private final Page page;
  private final Offers offers = new Offers("event");
  private final Map<String, EventSender> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong nextEventId = new AtomicLong();

  EventTransport(Page page) {
    this.page = page;
    page.bridge().handle("tauri:plugin:event|listen", request -> listen(Arguments.json(request)));
    page.bridge().handle("tauri:plugin:event|unlisten", request -> unlisten(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "event";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, null, onSubscribe);
  }

  private CompletableFuture<Payload> listen(String args) {
    String event = JsonText.string(args, "event");
    long handler = JsonText.number(args, "handler");
    long eventId = nextEventId.incrementAndGet();
    boolean[] created = {false};
    EventSender sender =
        subscriptions.computeIfAbsent(
            event,
            name -> {
              created[0] = true;
              return new EventSender(page, name);
            });
    sender.add(eventId, handler);
    if (created[0] && offers.offered(event)) {
      offers.subscribe(event, sender); // Tauri lets a page listen to events nobody emits
    }
    return CompletableFuture.completedFuture(Payload.json(Long.toString(eventId)));
  }

  private CompletableFuture<Payload> unlisten(String args) {
    String event = JsonText.string(args, "event");
    long eventId = JsonText.number(args, "eventId");
    subscriptions.computeIfPresent(event, (name, sender) -> sender.remove(eventId) ? null : sender);
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  /** Events with at least one listener: a leak check's count. */
  int listenedEvents() {
    return subscriptions.size();
  }
}

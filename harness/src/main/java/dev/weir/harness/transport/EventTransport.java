package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tauri events: {@code listen} and {@code unlisten} are commands ({@code plugin:event|listen},
 * {@code plugin:event|unlisten}), and the backend delivers each event by evaluating a script that
 * runs the listener's callback. JSON only, no order field, no backpressure: Tauri's own warning
 * that events are not built for throughput is what this transport lets a scenario measure. One
 * subscription per event name, from its first listener to its last.
 */
final class EventTransport implements Transport {

  private record Listened(EventWire wire, Subscription subscription) {}

  private final Page page;
  private final Offers offers;
  private final Map<String, Listened> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong nextEventId;

  /** @param eventIds shared by the transports of one runtime, as Tauri's ids are per app */
  EventTransport(Page page, Trace trace, AtomicLong eventIds) {
    this.page = page;
    this.nextEventId = eventIds;
    this.offers = new Offers(kind(), page, trace, false, null);
    page.bridge().handle("tauri:plugin:event|listen", request -> listen(Arguments.json(request)));
    page.bridge().handle("tauri:plugin:event|unlisten", request -> unlisten(Arguments.json(request)));
    page.bridge().onNewDocument(subscriptions::clear); // the old document's, ended by offers
  }

  @Override
  public String kind() {
    return "event";
  }

  @Override
  public Trace trace() {
    return offers.trace();
  }

  @Override
  public void offer(String stream, Offer offer, Consumer<Sender> onSubscribe) {
    offers.put(stream, offer, onSubscribe);
  }

  @Override
  public int openSubscriptions() {
    return offers.live();
  }

  /**
   * The first listener of an event starts its subscription, once the listener is registered so
   * that nothing sent at once is lost. Tauri lets a page listen to events nobody emits: such a
   * listener is registered, and idle.
   */
  private CompletableFuture<Payload> listen(String args) {
    String event = JsonText.string(args, "event");
    long handler = JsonText.number(args, "handler");
    long eventId = nextEventId.incrementAndGet();
    Listened listened = subscriptions.get(event); // listen and unlisten run on CEF's UI thread only
    if (listened != null) {
      listened.wire().add(eventId, handler);
    } else {
      Runnable[] ended = {() -> {}};
      EventWire wire = new EventWire(page, event, () -> {
        subscriptions.remove(event);
        ended[0].run();
      });
      wire.add(eventId, handler);
      subscriptions.put(event, new Listened(wire, null));
      if (offers.offered(event)) {
        Subscription subscription = offers.subscribe(event, "listen", onEnd -> {
          ended[0] = onEnd;
          return wire;
        });
        subscriptions.put(event, new Listened(wire, subscription));
      }
    }
    return CompletableFuture.completedFuture(Payload.json(Long.toString(eventId)));
  }

  private CompletableFuture<Payload> unlisten(String args) {
    String event = JsonText.string(args, "event");
    long eventId = JsonText.number(args, "eventId");
    Listened listened = subscriptions.get(event);
    if (listened != null && listened.wire().remove(eventId)) {
      if (listened.subscription() != null) {
        listened.subscription().closedByPage("unlisten");
      } else {
        listened.wire().detach();
      }
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }
}

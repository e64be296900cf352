package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tauri events: {@code listen} and {@code unlisten} are commands ({@code plugin:event|listen},
 * {@code plugin:event|unlisten}), and the backend delivers each event by evaluating a script that
 * runs the listener's callback. JSON only, no order field, no backpressure: Tauri's own warning
 * that events are not built for throughput is what this transport lets a scenario measure. One
 * subscription per event name, from its first listener to its last.
 */
final class EventTransport extends OfferingTransport {

  /** One event's listeners on this page: its own subscription, the hub's, or none (idle). */
  private record Listened(EventWire wire, Subscription subscription, boolean global) {}

  private final Page page;
  private final Map<String, Listened> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong nextEventId;
  private final GlobalEvents hub;

  /**
   * @param eventIds shared by the transports of one runtime, as Tauri's ids are per app
   * @param hub the app-wide events this page hears too; null for none
   */
  EventTransport(Page page, Trace trace, AtomicLong eventIds, GlobalEvents hub) {
    super(Offers.forPage("event", page, trace, false, null));
    this.page = page;
    this.nextEventId = eventIds;
    this.hub = hub;
    if (hub != null) {
      hub.joined(page);
    }
    page.bridge().handle("tauri:plugin:event|listen", request -> listen(Arguments.json(request)));
    page.bridge().handle("tauri:plugin:event|unlisten", request -> unlisten(Arguments.json(request)));
    page.bridge().onNewDocument(this::forgetDocument);
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
      boolean global = !offers.offered(event) && hub != null && hub.offered(event);
      subscriptions.put(event, new Listened(wire, null, global));
      if (offers.offered(event)) {
        Subscription subscription = offers.subscribe(event, "listen", onEnd -> {
          ended[0] = onEnd;
          return wire;
        });
        subscriptions.put(event, new Listened(wire, subscription, false));
      } else if (global) {
        hub.listen(event, wire);
      }
    }
    return CompletableFuture.completedFuture(Payload.json(Long.toString(eventId)));
  }

  private CompletableFuture<Payload> unlisten(String args) {
    String event = JsonText.string(args, "event");
    long eventId = JsonText.number(args, "eventId");
    Listened listened = subscriptions.get(event);
    if (listened != null && listened.wire().remove(eventId)) {
      end(event, listened, "unlisten");
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private void end(String event, Listened listened, String reason) {
    if (listened.subscription() != null) {
      listened.subscription().closedByPage(reason);
    } else {
      listened.wire().detach();
      if (listened.global()) {
        hub.leave(event, listened.wire());
      }
    }
  }

  /** The page loaded a new document: its own subscriptions are ended by offers; leave the hub's. */
  private void forgetDocument() {
    subscriptions.forEach((event, listened) -> {
      if (listened.global()) {
        end(event, listened, "reload");
      }
    });
    subscriptions.clear();
  }
}

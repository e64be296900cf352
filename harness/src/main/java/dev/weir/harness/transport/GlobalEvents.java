package dev.weir.harness.transport;

import dev.weir.harness.browser.Page;
import dev.weir.harness.trace.Trace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tauri's app-wide events ({@code emit}, as against {@code emit_to} one webview): a stream offered
 * here reaches the listeners of every page whose event transport was made with this hub ({@code
 * Transports.on(page, trace).event(hub)}). One subscription per event, from the first listener on
 * any page to the last; one sequence, so each page's deliveries are recorded against the same
 * sends (a message heard by three pages has three deliveries). A page's own offer of the same
 * event name wins on that page.
 */
public final class GlobalEvents extends OfferingTransport {

  private record Listened(FanOutWire wire, Subscription subscription) {}

  private final Map<String, Listened> subscriptions = new ConcurrentHashMap<>();

  public GlobalEvents(Trace trace) {
    super(new Offers("event", null, trace, false, null));
  }

  boolean offered(String event) {
    return offers.offered(event);
  }

  /** A page joins: its reports of this hub's events go to the hub's trace. */
  void joined(Page page) {
    offers.hearDeliveries(page);
  }

  /** A page's first listener of {@code event}; the first on any page starts the subscription. */
  synchronized void listen(String event, EventWire page) {
    Listened listened = subscriptions.get(event);
    if (listened != null) {
      listened.wire().add(page);
      return;
    }
    FanOutWire[] wire = new FanOutWire[1];
    Subscription subscription =
        offers.subscribe(event, "listen", ended -> {
          wire[0] = new FanOutWire(() -> {
            subscriptions.remove(event);
            ended.run();
          });
          wire[0].add(page);
          return wire[0];
        });
    if (!subscription.isEnded()) {
      subscriptions.put(event, new Listened(wire[0], subscription));
    }
  }

  /** A page's last listener of {@code event} went (unlisten or reload); the last on any page ends it. */
  synchronized void leave(String event, EventWire page) {
    Listened listened = subscriptions.get(event);
    if (listened != null && listened.wire().remove(page)) {
      subscriptions.remove(event);
      listened.subscription().closedByPage("unlisten");
    }
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A streaming response over the custom scheme: the page asks for a stream with the {@code
 * weir:stream} command, which answers with a one-time ticket, then reads {@code
 * /.weir/stream?ticket=N} with {@code fetch} and a {@code ReadableStream}. The command keeps the
 * subscription tied to this page; the ticket lets the runtime-wide endpoint find its body.
 */
final class SchemeTransport extends OfferingTransport {

  private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final StreamTickets tickets;

  SchemeTransport(Page page, Trace trace, StreamTickets tickets) {
    super(Offers.forPage("scheme", page, trace, true, null));
    this.tickets = tickets;
    page.bridge().handle("tauri:weir:stream", request -> open(Arguments.json(request)));
    page.bridge().handle("tauri:weir:scheme-ack", request -> acknowledge(Arguments.json(request)));
  }

  private CompletableFuture<Payload> open(String args) {
    String stream = JsonText.string(args, "stream");
    long[] ticket = new long[1];
    Subscription subscription =
        offers.subscribe(stream, "fetch", ended -> {
          SchemeWire wire = new SchemeWire(() -> {
            subscriptions.remove(ticket[0]);
            ended.run();
          }, () -> {
            Subscription aborted = subscriptions.get(ticket[0]);
            if (aborted != null) {
              aborted.closedByPage("abort");
            }
          });
          ticket[0] = tickets.issue(wire);
          return wire;
        });
    if (!subscription.isEnded()) {
      subscriptions.put(ticket[0], subscription);
    }
    return CompletableFuture.completedFuture(
        Payload.json("{\"ticket\":" + ticket[0] + "," + subscription.ackField() + "}"));
  }

  private CompletableFuture<Payload> acknowledge(String args) {
    Subscription subscription = subscriptions.get(JsonText.number(args, "ticket"));
    if (subscription != null) {
      subscription.acknowledge((int) JsonText.number(args, "count"));
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }
}

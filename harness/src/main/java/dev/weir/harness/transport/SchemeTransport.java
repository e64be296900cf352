package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A streaming response over the custom scheme: the page asks for a stream with the {@code
 * weir:stream} command, which answers with a one-time ticket, then reads {@code
 * /.weir/stream?ticket=N} with {@code fetch} and a {@code ReadableStream}. The command keeps the
 * subscription tied to this page; the ticket lets the runtime-wide endpoint find its body.
 */
final class SchemeTransport implements Transport {

  private final Map<String, Offer> offers = new ConcurrentHashMap<>();
  private final Map<Long, WindowedSender> windows = new ConcurrentHashMap<>();
  private final StreamTickets tickets;

  SchemeTransport(Page page, StreamTickets tickets) {
    this.tickets = tickets;
    page.bridge().handle("tauri:weir:stream", request -> open(Arguments.json(request)));
    page.bridge().handle("tauri:weir:scheme-ack", request -> acknowledge(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "scheme";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, new Offer(onSubscribe, null));
  }

  @Override
  public void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offers.put(stream, new Offer(onSubscribe, window));
  }

  private CompletableFuture<Payload> open(String args) {
    String stream = JsonText.string(args, "stream");
    Offer offer = offers.get(stream);
    if (offer == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("no scheme stream '" + stream + "' is offered"));
    }
    long[] ticket = new long[1];
    SchemeSender sender = new SchemeSender(() -> ended(ticket[0]));
    ticket[0] = tickets.issue(sender);
    int ackEvery = 0;
    if (offer.window() == null) {
      offer.onSubscribe().accept(sender);
    } else {
      WindowedSender windowed = new WindowedSender(sender, offer.window());
      windows.put(ticket[0], windowed);
      ackEvery = offer.window().ackEvery();
      offer.onSubscribe().accept(windowed);
    }
    return CompletableFuture.completedFuture(
        Payload.json("{\"ticket\":" + ticket[0] + ",\"ack\":" + ackEvery + "}"));
  }

  private CompletableFuture<Payload> acknowledge(String args) {
    WindowedSender window = windows.get(JsonText.number(args, "ticket"));
    if (window != null) {
      window.acknowledge((int) JsonText.number(args, "count"));
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  private void ended(long ticket) {
    WindowedSender window = windows.remove(ticket);
    if (window != null) {
      window.detached(); // a producer blocked on credit must see the end
    }
  }

  /** A stream on offer, and its window (null: none). */
  private record Offer(Consumer<Sender> onSubscribe, Backpressure window) {}
}

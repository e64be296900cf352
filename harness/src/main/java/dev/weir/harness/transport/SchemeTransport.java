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

  private final Offers offers = new Offers("scheme");
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
    offers.put(stream, null, onSubscribe);
  }

  @Override
  public void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offers.put(stream, window, onSubscribe);
  }

  private CompletableFuture<Payload> open(String args) {
    String stream = JsonText.string(args, "stream");
    offers.require(stream);
    long[] ticket = new long[1];
    SchemeSender sender = new SchemeSender(() -> ended(ticket[0]));
    ticket[0] = tickets.issue(sender);
    WindowedSender windowed = offers.subscribe(stream, sender);
    if (windowed != null) {
      windows.put(ticket[0], windowed);
    }
    return CompletableFuture.completedFuture(
        Payload.json("{\"ticket\":" + ticket[0] + "," + WindowedSender.ackField(windowed) + "}"));
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

}

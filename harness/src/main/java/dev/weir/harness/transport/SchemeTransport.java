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

  private final Map<String, Consumer<Sender>> offers = new ConcurrentHashMap<>();
  private final StreamTickets tickets;

  SchemeTransport(Page page, StreamTickets tickets) {
    this.tickets = tickets;
    page.bridge().handle("tauri:weir:stream", request -> open(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "scheme";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, onSubscribe);
  }

  private CompletableFuture<Payload> open(String args) {
    String stream = JsonText.string(args, "stream");
    Consumer<Sender> offer = offers.get(stream);
    if (offer == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("no scheme stream '" + stream + "' is offered"));
    }
    SchemeSender sender = new SchemeSender();
    long ticket = tickets.issue(sender);
    offer.accept(sender);
    return CompletableFuture.completedFuture(Payload.json(Long.toString(ticket)));
  }
}

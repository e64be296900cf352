package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.Trace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands, Tauri's {@code invoke}: the page pulls. Its client long-polls {@code weir:poll} for a
 * stream and gets every message queued since, as one JSON array; an empty poll is answered after
 * {@link #IDLE_POLL} so the page is never left waiting on a dead backend.
 */
final class CommandTransport extends OfferingTransport {

  static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private record Polled(CommandWire wire, Subscription subscription) {}

  private final Map<String, Polled> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong polls = new AtomicLong();

  CommandTransport(Page page, Trace trace) {
    super(Offers.forPage("command", page, trace, false, null));
    page.bridge().handle("tauri:weir:poll", request -> poll(Arguments.json(request)));
    page.bridge().handle("tauri:weir:unpoll", request -> unpoll(Arguments.json(request)));
    page.bridge().onNewDocument(subscriptions::clear); // the old document's, ended by offers
  }

  /** Polls answered so far: a burst of N messages should take far fewer. */
  long polls() {
    return polls.get();
  }

  /**
   * The first poll of a stream subscribes to it; after the backend ends it, the poll that is told
   * so forgets it (polls run on CEF's UI thread only).
   */
  private CompletableFuture<Payload> poll(String args) {
    polls.incrementAndGet();
    String stream = JsonText.string(args, "stream");
    Polled polled = subscriptions.get(stream);
    if (polled == null) {
      CommandWire[] wire = new CommandWire[1];
      Subscription subscription =
          offers.subscribe(stream, "poll", ended -> wire[0] = new CommandWire(stream, ended));
      polled = new Polled(wire[0], subscription);
      subscriptions.put(stream, polled);
    }
    CompletableFuture<Payload> reply = polled.wire().poll(IDLE_POLL);
    if (polled.wire().endAnswered()) {
      subscriptions.remove(stream); // the page stops polling: a later poll subscribes anew
    }
    return reply;
  }

  private CompletableFuture<Payload> unpoll(String args) {
    Polled polled = subscriptions.remove(JsonText.string(args, "stream"));
    if (polled != null) {
      polled.subscription().closedByPage("unsubscribe");
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }
}

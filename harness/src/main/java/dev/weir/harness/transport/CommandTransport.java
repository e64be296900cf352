package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Commands, Tauri's {@code invoke}: the page pulls. Its client long-polls {@code weir:poll} for a
 * stream and gets every message queued since, as one JSON array; an empty poll is answered after
 * {@link #IDLE_POLL} so the page is never left waiting on a dead backend.
 */
final class CommandTransport implements Transport {

  static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Offers offers = new Offers("command");
  private final Map<String, CommandSender> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong polls = new AtomicLong();

  CommandTransport(Page page) {
    page.bridge().handle("tauri:weir:poll", request -> poll(Arguments.json(request)));
    page.bridge().handle("tauri:weir:unpoll", request -> unpoll(Arguments.json(request)));
  }

  @Override
  public String kind() {
    return "command";
  }

  @Override
  public void offer(String stream, Consumer<Sender> onSubscribe) {
    offers.put(stream, null, onSubscribe);
  }

  /** Polls answered so far: a burst of N messages should take far fewer. */
  long polls() {
    return polls.get();
  }

  private CompletableFuture<Payload> poll(String args) {
    polls.incrementAndGet();
    String stream = JsonText.string(args, "stream");
    CommandSender sender = subscriptions.get(stream);
    if (sender == null) {
      offers.require(stream);
      sender = new CommandSender(stream);
      subscriptions.put(stream, sender);
      offers.subscribe(stream, sender);
    }
    return sender.poll(IDLE_POLL);
  }

  private CompletableFuture<Payload> unpoll(String args) {
    CommandSender sender = subscriptions.remove(JsonText.string(args, "stream"));
    if (sender != null) {
      sender.close();
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }
}

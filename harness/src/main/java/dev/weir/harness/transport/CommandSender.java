package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One polled stream: messages wait here until the page's next poll takes them all. */
final class CommandSender implements Sender {

  private final String stream;
  private final Queue<String> queued = new ArrayDeque<>();
  private CompletableFuture<Payload> waiting;
  private boolean open = true;

  CommandSender(String stream) {
    this.stream = stream;
  }

  @Override
  public synchronized void send(Payload message) {
    if (!(message instanceof Payload.Json json)) {
      throw new IllegalArgumentException("Polled commands carry JSON messages; got " + message);
    }
    if (!open) {
      throw new IllegalStateException("command stream '" + stream + "' is closed");
    }
    queued.add(json.text());
    if (waiting != null) {
      CompletableFuture<Payload> poll = waiting;
      waiting = null;
      poll.complete(drain());
    }
  }

  /** The page's poll: answered now if messages wait, else by the next send or after idle. */
  synchronized CompletableFuture<Payload> poll(Duration idle) {
    if (!queued.isEmpty() || !open) {
      return CompletableFuture.completedFuture(drain());
    }
    CompletableFuture<Payload> poll = new CompletableFuture<>();
    waiting = poll;
    poll.completeOnTimeout(Payload.json("[]"), idle.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(() -> forget(poll));
    return poll;
  }

  private synchronized void forget(CompletableFuture<Payload> poll) {
    if (waiting == poll) {
      waiting = null;
    }
  }

  private Payload drain() {
    StringBuilder batch = new StringBuilder("[");
    for (String message; (message = queued.poll()) != null; ) {
      batch.append(batch.length() == 1 ? "" : ",").append(message);
    }
    return Payload.json(batch.append(']').toString());
  }

  @Override
  public synchronized void close() {
    open = false;
    if (waiting != null) {
      waiting.complete(drain());
      waiting = null;
    }
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }
}

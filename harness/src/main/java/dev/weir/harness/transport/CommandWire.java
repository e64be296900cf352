package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One polled stream: messages wait here until the page's next poll takes them all, as one JSON
 * array of sequence and message in turn: {@code [seq, message, seq, message, ...]}.
 */
final class CommandWire implements TransportWire {

  private final String stream;
  private final Runnable onEnd;
  private final Queue<String> queued = new ArrayDeque<>();
  private CompletableFuture<Payload> waiting;
  private boolean open = true;
  private boolean endAnswered;

  /** @param onEnd run once when the backend closes or the page stops polling */
  CommandWire(String stream, Runnable onEnd) {
    this.stream = stream;
    this.onEnd = onEnd;
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!(message instanceof Payload.Json json)) {
      throw new IllegalArgumentException("Polled commands carry JSON messages; got " + message);
    }
    if (!open) {
      throw new IllegalStateException("command stream '" + stream + "' is closed");
    }
    queued.add(sequence + "," + json.text());
    if (waiting != null) {
      CompletableFuture<Payload> poll = waiting;
      waiting = null;
      poll.complete(drain());
    }
  }

  /**
   * The page's poll: answered now if messages wait, else by the next send or after idle; {@code
   * null} once the stream has ended and nothing waits, which stops the page's client.
   */
  synchronized CompletableFuture<Payload> poll(Duration idle) {
    if (!queued.isEmpty()) {
      return CompletableFuture.completedFuture(drain());
    }
    if (!open) {
      endAnswered = true;
      return CompletableFuture.completedFuture(Payload.json("null"));
    }
    CompletableFuture<Payload> poll = new CompletableFuture<>();
    waiting = poll;
    poll.completeOnTimeout(Payload.json("[]"), idle.toMillis(), TimeUnit.MILLISECONDS)
        .thenRun(() -> forget(poll));
    return poll;
  }

  /** True once a poll has been told the stream ended: the page polls no more. */
  synchronized boolean endAnswered() {
    return endAnswered;
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

  /** The page's next poll gets what is queued and learns the stream has ended. */
  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      if (waiting != null) {
        waiting.complete(drain());
        waiting = null;
      }
    }
    onEnd.run();
  }

  @Override
  public void detach() {
    close();
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }
}

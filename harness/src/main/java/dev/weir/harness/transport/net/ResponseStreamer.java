package dev.weir.harness.transport.net;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes chunks to one streaming response in the order they were queued, from any thread.
 *
 * <p>Jetty allows one pending write per response, so chunks queue and leave one batch at a time
 * (what queued while a write was pending goes out as one write). {@link IteratingCallback} iterates
 * instead of recursing when writes complete at once, so a burst cannot overflow the stack.
 */
final class ResponseStreamer extends IteratingCallback {

  private static final int BATCH_BYTES = 64 * 1024;

  private record Chunk(byte[] bytes, CompletableFuture<Void> written) {}

  private final Response response;
  private final Callback completion;
  private final Consumer<Throwable> closed;
  private final Queue<Chunk> queue = new ConcurrentLinkedQueue<>();
  private final List<Chunk> inFlight = new ArrayList<>();
  private volatile boolean ending;
  private volatile boolean done;

  /**
   * @param completion the handler's callback, completed when the response ends
   * @param closed told once when the response ends: {@code null} when ended by {@link #end()}, else
   *     the failure (usually the client going away)
   */
  ResponseStreamer(Response response, Callback completion, Consumer<Throwable> closed) {
    this.response = response;
    this.completion = completion;
    this.closed = closed;
  }

  /** Completes when the bytes are written; fails if the response ended first. */
  CompletableFuture<Void> write(byte[] bytes) {
    Chunk chunk = new Chunk(bytes, new CompletableFuture<>());
    if (ending) {
      chunk.written.completeExceptionally(new IllegalStateException("The event stream has ended"));
      return chunk.written;
    }
    queue.add(chunk);
    if (done) {
      failQueued(new IllegalStateException("The event stream has ended"));
    } else {
      iterate();
    }
    return chunk.written;
  }

  /** Ends the response once everything queued so far is written. */
  void end() {
    ending = true;
    iterate();
  }

  boolean isOpen() {
    return !ending && !done;
  }

  @Override
  protected Action process() {
    Chunk first = queue.poll();
    if (first == null) {
      return ending ? Action.SUCCEEDED : Action.IDLE;
    }
    inFlight.add(first);
    int size = first.bytes.length;
    for (Chunk next = queue.peek(); next != null && size < BATCH_BYTES; next = queue.peek()) {
      inFlight.add(queue.poll());
      size += next.bytes.length;
    }
    response.write(false, batch(size), this);
    return Action.SCHEDULED;
  }

  private ByteBuffer batch(int size) {
    if (inFlight.size() == 1) {
      return ByteBuffer.wrap(inFlight.get(0).bytes);
    }
    ByteBuffer batch = ByteBuffer.allocate(size);
    inFlight.forEach(chunk -> batch.put(chunk.bytes));
    return batch.flip();
  }

  @Override
  protected void onSuccess() {
    inFlight.forEach(chunk -> chunk.written.complete(null));
    inFlight.clear();
  }

  @Override
  protected void onCompleteSuccess() {
    done = true;
    completion.succeeded();
    closed.accept(null);
    failQueued(new IllegalStateException("The event stream has ended"));
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    done = true;
    inFlight.forEach(chunk -> chunk.written.completeExceptionally(cause));
    inFlight.clear();
    failQueued(cause);
    completion.failed(cause);
    closed.accept(cause);
  }

  private void failQueued(Throwable cause) {
    for (Chunk chunk = queue.poll(); chunk != null; chunk = queue.poll()) {
      chunk.written.completeExceptionally(cause);
    }
  }
}

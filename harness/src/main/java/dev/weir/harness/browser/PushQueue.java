package dev.weir.harness.browser;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.cef.callback.CefQueryCallback;

/**
 * Java → JS messages over a long-poll: the page keeps one query open, and the first push that finds
 * it answers it with everything queued so far. Batching comes for free under load, and order is
 * kept because the page has at most one poll open.
 *
 * <p>A persistent CEF query would look like a stream but delivers only its first reply in JCEF.
 */
final class PushQueue {

  static final char PART = '\u0001';
  static final char END = '\u0002';
  private static final int MAX_BATCH_CHARS = 1 << 18;

  private record Poll(long queryId, CefQueryCallback callback) {}

  private final Queue<String> items = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Poll> open = new AtomicReference<>();

  /** Queues a message and sends it at once if the page is waiting; any thread. */
  void push(String topic, Payload payload) {
    items.add(topic + PART + payload.encode() + END);
    flush();
  }

  /** The page's poll arrived. */
  void poll(long queryId, CefQueryCallback callback) {
    open.set(new Poll(queryId, callback));
    flush();
  }

  /** CEF cancelled a query (page navigating or closing). */
  void cancelled(long queryId) {
    open.updateAndGet(p -> p != null && p.queryId == queryId ? null : p);
  }

  private void flush() {
    while (!items.isEmpty()) {
      Poll poll = open.getAndSet(null);
      if (poll == null) {
        return; // the page is busy with a batch and will poll again
      }
      StringBuilder batch = new StringBuilder();
      String item;
      while (batch.length() < MAX_BATCH_CHARS && (item = items.poll()) != null) {
        batch.append(item);
      }
      if (batch.length() > 0) {
        poll.callback.success(batch.toString());
        return;
      }
      open.compareAndSet(null, poll); // another thread sent what was queued; keep the poll
    }
  }
}

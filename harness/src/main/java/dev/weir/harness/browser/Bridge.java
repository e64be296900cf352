package dev.weir.harness.browser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cef.callback.CefQueryCallback;

/**
 * Java's half of a page's {@code window.weir}: request handlers the page can call, pushes to the
 * page's topic listeners, and the page's batched reports.
 *
 * <p>It is the one channel between a page and Java that transports and probes build on, so that
 * each of them need not learn CEF's message router.
 */
public final class Bridge {

  /** Answers {@code weir.request(name, payload)} from the page. */
  @FunctionalInterface
  public interface RequestHandler {
    /**
     * Runs on CEF's UI thread, so it must not block: return a stage completed elsewhere for slow
     * work. A failed stage rejects the page's promise with the exception's message.
     */
    CompletionStage<Payload> handle(Payload request);
  }

  /** Receives {@code weir.report(kind, data)} calls, in the order the page made them. */
  @FunctionalInterface
  public interface ReportListener {
    /**
     * Runs on CEF's UI thread; {@code json} is the data as JSON text, {@code arrivalNanos} the
     * moment ({@link System#nanoTime()}) its batch reached Java, read once for the whole batch: a
     * page time the report carries is placed by it ({@link PageClock#heard}), and reading the clock
     * again after parsing would place it later by the parse's time.
     */
    void report(String kind, String json, long arrivalNanos);
  }

  private static final int NOT_FOUND = 404;
  private static final int FAILED = 500;

  private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
  private final List<ReportListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> documentListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
  private final PushQueue pushes = new PushQueue();

  Bridge() {}

  /** Registers the handler for requests named {@code name}, replacing any earlier one. */
  public void handle(String name, RequestHandler handler) {
    handlers.put(checkName("Request name", name), handler);
  }

  /**
   * Sends {@code payload} to the page's listeners on {@code topic}; from any thread, in order.
   * Messages for a topic nobody listens to yet wait in the page for its first listener.
   */
  public void push(String topic, Payload payload) {
    pushes.push(checkName("Topic", topic), payload);
  }

  /** Adds a listener for the page's reports. */
  public void onReport(ReportListener listener) {
    listeners.add(listener);
  }

  /**
   * Adds a listener run when the page starts loading a new document after its first (a reload or
   * a navigation), on CEF's UI thread: whatever the old document subscribed to has ended with it.
   */
  public void onNewDocument(Runnable listener) {
    documentListeners.add(listener);
  }

  void newDocument() {
    documentListeners.forEach(Runnable::run);
  }

  /**
   * Adds a listener run once the page has closed: whatever its document subscribed to has ended
   * with it, though no unsubscribe ever came.
   */
  public void onClose(Runnable listener) {
    closeListeners.add(listener);
  }

  void closed() {
    closeListeners.forEach(Runnable::run);
  }

  /** {@code name PART payload} from the page. */
  void request(String message, CefQueryCallback callback) {
    int part = message.indexOf(PushQueue.PART);
    String name = part < 0 ? message : message.substring(0, part);
    RequestHandler handler = handlers.get(name);
    if (handler == null || part < 0) {
      callback.failure(NOT_FOUND, "weir: no Java handler for request '" + name + "'");
      return;
    }
    try {
      handler
          .handle(Payload.decode(message.substring(part + 1)))
          .whenComplete(
              (reply, error) -> {
                if (error != null) {
                  callback.failure(FAILED, "weir: request '" + name + "' failed: " + error);
                } else {
                  callback.success(reply.encode());
                }
              });
    } catch (RuntimeException e) {
      callback.failure(FAILED, "weir: request '" + name + "' failed: " + e);
    }
  }

  /** A batch of {@code kind PART json END} items from the page, arrived at {@code arrivalNanos}. */
  void reports(String batch, long arrivalNanos) {
    int start = 0;
    while (start < batch.length()) {
      int part = batch.indexOf(PushQueue.PART, start);
      int end = batch.indexOf(PushQueue.END, part);
      String kind = batch.substring(start, part);
      String json = batch.substring(part + 1, end);
      for (ReportListener listener : listeners) {
        listener.report(kind, json, arrivalNanos);
      }
      start = end + 1;
    }
  }

  PushQueue pushes() {
    return pushes;
  }

  private static String checkName(String what, String name) {
    if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException(
          what + " '" + name + "': expected a non-empty name without control characters");
    }
    return name;
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits one event name to every listener the page has for it, one script evaluation each. The
 * event object carries weir's {@code seq} beside Tauri's fields.
 */
final class EventWire implements TransportWire {

  private final Page page;
  private final String event;
  private final String quotedEvent;
  private final Map<Long, Long> handlersByEventId = new ConcurrentHashMap<>();
  private final Runnable onEnd;
  private volatile boolean open = true;

  /** @param onEnd run once when the last listener goes or the backend closes */
  EventWire(Page page, String event, Runnable onEnd) {
    this.onEnd = onEnd;
    this.page = page;
    this.event = event;
    this.quotedEvent = JsonText.quote(event);
  }

  void add(long eventId, long handler) {
    handlersByEventId.put(eventId, handler);
  }

  /** Removes a listener; true when it was the last, after which the subscription must end. */
  boolean remove(long eventId) {
    handlersByEventId.remove(eventId);
    return handlersByEventId.isEmpty();
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!(message instanceof Payload.Json json)) {
      throw new IllegalArgumentException("Events carry JSON only, as in Tauri; got " + message);
    }
    if (!open) {
      throw new IllegalStateException("event '" + event + "' has no listener left");
    }
    handlersByEventId.forEach(
        (eventId, handler) ->
            page.execute(
                Scripts.runCallback(
                    handler,
                    "{event:" + quotedEvent + ",id:" + eventId + ",payload:" + json.text() + ",seq:"
                        + sequence + "}")));
  }

  /** Events have no end message in Tauri; closing only stops this wire. */
  @Override
  public void close() {
    detach();
  }

  @Override
  public void detach() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
    }
    onEnd.run();
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}

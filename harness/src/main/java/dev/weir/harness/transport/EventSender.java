package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Emits one event name to every listener the page has for it, one script evaluation each. */
final class EventSender implements Sender {

  private final Page page;
  private final String event;
  private final String quotedEvent;
  private final Map<Long, Long> handlersByEventId = new ConcurrentHashMap<>();
  private volatile boolean open = true;

  EventSender(Page page, String event) {
    this.page = page;
    this.event = event;
    this.quotedEvent = JsonText.quote(event);
  }

  void add(long eventId, long handler) {
    handlersByEventId.put(eventId, handler);
  }

  /** Removes a listener; true when it was the last, which ends the subscription. */
  boolean remove(long eventId) {
    handlersByEventId.remove(eventId);
    if (handlersByEventId.isEmpty()) {
      open = false;
      return true;
    }
    return false;
  }

  @Override
  public synchronized void send(Payload message) {
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
                    "{event:" + quotedEvent + ",id:" + eventId + ",payload:" + json.text() + "}")));
  }

  /** Events have no end message in Tauri; closing only stops this sender. */
  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}

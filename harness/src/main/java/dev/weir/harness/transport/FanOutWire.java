package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An app-wide event's wire: each message goes to every listening page's event wire, in order. */
final class FanOutWire implements TransportWire {

  private final List<EventWire> pages = new CopyOnWriteArrayList<>();
  private final Runnable onEnd;
  private volatile boolean open = true;

  /** @param onEnd run once when the backend closes */
  FanOutWire(Runnable onEnd) {
    this.onEnd = onEnd;
  }

  void add(EventWire page) {
    pages.add(page);
  }

  /** @return true when no page listens any more */
  boolean remove(EventWire page) {
    pages.remove(page);
    return pages.isEmpty();
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!open) {
      throw new IllegalStateException("the app-wide event has no listener left");
    }
    for (EventWire page : pages) {
      if (page.isOpen()) {
        page.send(sequence, message);
      }
    }
  }

  /** Events have no end message in Tauri; closing only stops this wire. */
  @Override
  public void close() {
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

  @Override
  public void detach() {
    open = false;
  }
}

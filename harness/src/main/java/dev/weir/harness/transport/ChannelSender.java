package dev.weir.harness.transport;

import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;

/** One channel subscription: Tauri's {@code Channel::send} and its end message. */
final class ChannelSender implements Sender {

  private final Page page;
  private final long id;
  private final ParkedPayloads parked;
  private final Thresholds thresholds;
  private final Runnable onEnd;
  private long index;
  private volatile boolean open = true;

  /** @param onEnd run once when the backend closes or the page unsubscribes */
  ChannelSender(
      Page page, long id, ParkedPayloads parked, Thresholds thresholds, Runnable onEnd) {
    this.page = page;
    this.onEnd = onEnd;
    this.id = id;
    this.parked = parked;
    this.thresholds = thresholds;
  }

  long id() {
    return id;
  }

  @Override
  public synchronized void send(Payload message) {
    if (!open) {
      throw new IllegalStateException("channel " + id + " is closed");
    }
    long i = index++;
    if (fitsInline(message)) {
      page.execute(Scripts.runCallback(id, "{message:" + Scripts.value(message) + ",index:" + i + "}"));
    } else {
      long dataId = parked.park(message);
      page.execute(
          "window.__TAURI_INTERNALS__.invoke('plugin:__TAURI_CHANNEL__|fetch',null,"
              + "{headers:{'" + ParkedPayloads.HEADER + "':'" + dataId + "'}})"
              + ".then(m=>{" + Scripts.runCallback(id, "{message:m,index:" + i + "}") + "});");
    }
  }

  private boolean fitsInline(Payload message) {
    return message.size()
        < (message instanceof Payload.Json ? thresholds.jsonBytes() : thresholds.rawBytes());
  }

  /** Sends Tauri's end message, {@code {end: true, index: <messages sent>}}. */
  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      page.execute(Scripts.runCallback(id, "{end:true,index:" + index + "}"));
    }
    onEnd.run(); // outside the lock: it wakes producers that may hold a window's lock
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** The page unsubscribed: stop without an end message, as the page no longer listens. */
  void detach() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
    }
    onEnd.run();
  }
}

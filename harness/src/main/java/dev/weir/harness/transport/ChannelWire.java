package dev.weir.harness.transport;

import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;

/**
 * One channel subscription: Tauri's {@code Channel::send} and its end message. Each message object
 * carries Tauri's {@code index} and weir's {@code seq}, which Tauri's own {@code Channel} ignores.
 */
final class ChannelWire implements TransportWire {

  private final Page page;
  private final long id;
  private final ParkedPayloads parked;
  private final Thresholds thresholds;
  private final Runnable onEnd;
  private long index;
  private volatile boolean open = true;

  /** @param onEnd run once when the backend closes or the page unsubscribes */
  ChannelWire(
      Page page, long id, ParkedPayloads parked, Thresholds thresholds, Runnable onEnd) {
    this.page = page;
    this.onEnd = onEnd;
    this.id = id;
    this.parked = parked;
    this.thresholds = thresholds;
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!open) {
      throw new IllegalStateException("channel " + id + " is closed");
    }
    long i = index++;
    if (fitsInline(message)) {
      page.execute(
          Scripts.runCallback(
              id, "{message:" + Scripts.value(message) + ",index:" + i + ",seq:" + sequence + "}"));
    } else {
      long dataId = parked.park(message);
      page.execute(
          "window.__TAURI_INTERNALS__.invoke('plugin:__TAURI_CHANNEL__|fetch',null,"
              + "{headers:{'" + ParkedPayloads.HEADER + "':'" + dataId + "'}})"
              + ".then(m=>{"
              + Scripts.runCallback(id, "{message:m,index:" + i + ",seq:" + sequence + "}")
              + "});");
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
}

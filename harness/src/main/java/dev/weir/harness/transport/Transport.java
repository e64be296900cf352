package dev.weir.harness.transport;

import java.util.function.Consumer;

/** The Java half of one kind of transport on one page. */
public interface Transport {

  /** The kind the page subscribes with: {@code weir.subscribe(kind, stream, onmessage)}. */
  String kind();

  /**
   * Offers a named stream: each time the page subscribes to it, {@code onSubscribe} gets the
   * subscription's sender. It runs on CEF's UI thread, so it must hand the sender to a producer
   * and return.
   */
  void offer(String stream, Consumer<Sender> onSubscribe);

  /**
   * Offers a named stream behind a credit window: the page acknowledges what it consumed and each
   * subscription's sender applies {@code window}'s policy when the page is behind.
   *
   * @throws UnsupportedOperationException for kinds with no backpressure by nature (event,
   *     command)
   */
  default void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    throw new UnsupportedOperationException(
        kind() + " has no backpressure (as in Tauri); offer the stream without a window");
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.trace.Trace;
import java.util.function.Consumer;

/**
 * The Java half of one kind of transport on one page. Everything that happens on its streams —
 * sends, the page's deliveries, opens, closes, ends, drops and applied faults — goes into its
 * {@link #trace()}.
 */
public interface Transport {

  /** The kind the page subscribes with: {@code weir.subscribe(kind, stream, onmessage)}. */
  String kind();

  /** The trace this transport records into (several transports may share one). */
  Trace trace();

  /**
   * Offers a named stream: each time the page subscribes to it, {@code onSubscribe} gets the
   * subscription's sender. It runs on CEF's UI thread or a server thread, so it must hand the
   * sender to a producer and return.
   *
   * @throws UnsupportedOperationException when {@code offer} has a window and the kind has no
   *     backpressure by nature (event, command)
   */
  void offer(String stream, Offer offer, Consumer<Sender> onSubscribe);

  /** Offers a stream with no window and no faults. */
  default void offer(String stream, Consumer<Sender> onSubscribe) {
    offer(stream, Offer.PLAIN, onSubscribe);
  }

  /**
   * Offers a stream behind a credit window: the page acknowledges what it consumed and each
   * subscription's sender applies {@code window}'s policy when the page is behind.
   */
  default void offer(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offer(stream, Offer.PLAIN.withWindow(window), onSubscribe);
  }

  /** Subscriptions neither side has ended: zero after every stream closed, or a leak. */
  int openSubscriptions();
}

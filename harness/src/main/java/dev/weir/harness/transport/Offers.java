package dev.weir.harness.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The streams a transport offers on its page, each with its window (or none). */
final class Offers {

  private record Offer(Consumer<Sender> onSubscribe, Backpressure window) {}

  private final String kind;
  private final Map<String, Offer> offers = new ConcurrentHashMap<>();

  Offers(String kind) {
    this.kind = kind;
  }

  /** @param window null for none */
  void put(String stream, Backpressure window, Consumer<Sender> onSubscribe) {
    offers.put(stream, new Offer(onSubscribe, window));
  }

  /** @throws IllegalArgumentException when the stream is not offered (the page's promise rejects) */
  void require(String stream) {
    if (!offers.containsKey(stream)) {
      throw new IllegalArgumentException("no " + kind + " stream '" + stream + "' is offered");
    }
  }

  /** How often the JS half must acknowledge on this stream: 0 when it has no window. */
  int ackEvery(String stream) {
    require(stream);
    Backpressure window = offers.get(stream).window();
    return window == null ? 0 : window.ackEvery();
  }

  boolean offered(String stream) {
    return offers.containsKey(stream);
  }

  /**
   * Hands a new subscription's sender to the stream's offer, behind its window if it has one.
   *
   * @return the window's sender, or null when the stream has no window
   * @throws IllegalArgumentException when the stream is not offered
   */
  WindowedSender subscribe(String stream, Sender sender) {
    require(stream);
    Offer offer = offers.get(stream);
    if (offer.window() == null) {
      offer.onSubscribe().accept(sender);
      return null;
    }
    WindowedSender windowed = new WindowedSender(sender, offer.window());
    offer.onSubscribe().accept(windowed);
    return windowed;
  }
}

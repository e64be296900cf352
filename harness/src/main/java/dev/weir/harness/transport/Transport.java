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
}

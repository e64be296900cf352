package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;

/** The Java end of one subscription: what a producer writes a stream into. */
public interface Sender {

  /** Sends one message, in order with the ones before it. */
  void send(Payload message);

  /** Ends the stream from the backend; the page learns how many messages were sent. */
  void close();

  /** False once the page has unsubscribed or the backend has closed: the producer should stop. */
  boolean isOpen();
}

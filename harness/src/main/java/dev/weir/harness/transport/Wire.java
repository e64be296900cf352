package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;

/**
 * One link between a stream's {@link Sender} and the page. Each message travels with the sequence
 * the sender gave it, so that the links in between (faults, a credit window) may drop, repeat,
 * delay or reorder messages and the page still reports exactly which message it received.
 */
public interface Wire {

  /**
   * Called before message {@code sequence} is recorded as sent: where a fault that stops the
   * producer, or cuts the page off, acts, so that the trace shows the send after it.
   *
   * @throws IllegalStateException when the producer was stopped while held: the message is not
   *     sent
   */
  default void prepare(long sequence) {}

  /** Passes message {@code sequence} on; the transport's own wire carries the sequence to the page. */
  void send(long sequence, Payload message);

  /**
   * Nothing more is coming for now: a link that holds messages back for later ones (a reorder
   * group waiting to fill) lets them go, rather than hold them for as long as the stream is silent.
   */
  default void flush() {}

  /** Ends the stream from the backend. */
  void close();

  /** False once either side has ended the stream. */
  boolean isOpen();
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The producer's end of one subscription. It numbers the stream's messages (the sequence the page's
 * deliveries are matched against) and records every send in the transport's trace before handing
 * the message to the subscription's wire.
 *
 * <p>One producer thread per sender: {@link #send} keeps numbering and hand-over in one order.
 * {@link #close} and {@link #isOpen} may be called from any thread.
 */
public final class Sender {

  private final Wire wire;
  private final TracedStream stream;
  private final Pace pace;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** @param pace the harness's pacing of this subscription; null for none */
  Sender(Wire wire, TracedStream stream, Pace pace) {
    this.wire = wire;
    this.stream = stream;
    this.pace = pace;
  }

  /** Sends a message that has no simulated time of its own: its virtual time is its wall time. */
  public void send(Payload message) {
    send(message, -1);
  }

  /**
   * Sends one message, in order with the ones before it.
   *
   * @param virtualNs the simulator's time of the message (a reading's time), or -1 for none
   * @throws IllegalStateException when the subscription has ended
   */
  public synchronized void send(Payload message, long virtualNs) {
    checkOpen();
    if (pace != null) {
      pace.awaitRoom(message); // nothing is numbered or recorded until the page has room for it
    }
    long sequence = stream.next();
    wire.prepare(sequence);
    checkOpen(); // a fault may have ended it: the message is then not sent
    stream.sent(sequence, message, virtualNs);
    if (pace != null) {
      pace.sent(message); // before it leaves: the page may take it, and say so, at once
    }
    wire.send(sequence, message);
  }

  private void checkOpen() {
    if (!wire.isOpen()) {
      throw new IllegalStateException("the " + stream.name() + " subscription has ended");
    }
  }

  /**
   * Says the producer has nothing more to send for now: what a fault holds back for later messages
   * is sent, so the page is not blamed for a wait the harness made.
   */
  public synchronized void flush() {
    wire.flush();
  }

  /**
   * Ends the stream from the backend; the page learns how many messages were sent. Recorded as an
   * end whose sequence is the stream's next one.
   */
  public void close() {
    if (closed.compareAndSet(false, true) && wire.isOpen()) {
      stream.lifecycle(EventKind.END, stream.sentCount(), "");
    }
    wire.close();
  }

  /** The first link of the subscription's chain: its faults, else its window, else its transport. */
  Wire wire() {
    return wire;
  }

  /** False once the page has unsubscribed or the backend has closed: the producer should stop. */
  public boolean isOpen() {
    return wire.isOpen();
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.trace.Trace;
import java.time.Duration;

/** What a fault can reach beyond the wire: the subscription's trace, page and connection. */
public interface FaultTarget {

  /** The stream's name, which seeds its faults. */
  String stream();

  /** Where applied faults are recorded, against {@link #stream()}. */
  Trace trace();

  /** Reloads the page mid-stream: its subscriptions end with it. */
  void reloadPage();

  /**
   * The server closes its connections and refuses new ones for {@code length}.
   *
   * @throws UnsupportedOperationException for transports with no server connection (channel,
   *     event, command, scheme)
   */
  void disconnect(Duration length);
}

package dev.weir.harness.transport.fault;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import java.util.Locale;

/**
 * A {@link FaultLog} that writes each applied fault into a trace: a dropped message as {@code
 * drop} with detail {@code fault}, every other effect as {@code fault} with detail such as {@code
 * delayed 1250} (the effect and its number), each against the message's sequence.
 */
public final class TracedFaults implements FaultLog {

  private final Trace trace;
  private final int stream;

  public TracedFaults(Trace trace, String stream) {
    this.trace = trace;
    this.stream = trace.stream(stream);
  }

  @Override
  public void applied(Effect effect, long index, long detail) {
    if (effect == Effect.DROPPED) {
      trace.lifecycle(EventKind.DROP, stream, index, "fault");
    } else {
      trace.lifecycle(
          EventKind.FAULT, stream, index, effect.name().toLowerCase(Locale.ROOT) + " " + detail);
    }
  }
}

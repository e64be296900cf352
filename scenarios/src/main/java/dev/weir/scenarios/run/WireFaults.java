package dev.weir.scenarios.run;

import dev.weir.harness.conformance.Timeline;
import dev.weir.harness.transport.fault.Faults;
import dev.weir.harness.transport.fault.TransportFault;
import dev.weir.scenarios.scenario.TransportFaultSpec;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtMessage;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.Extent;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForMessages;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForTime;
import java.time.Duration;
import java.util.List;

/**
 * A scenario's wire faults as the harness applies them: by message sequence. A fault the file
 * placed at a virtual time starts at the first message sent at or after it, and one lasting a span
 * of virtual time covers the messages sent within it, so a fault hits the same messages at any
 * speed. Lengths of time the wire itself is held (a stall, an outage) stay real time: they are what
 * the frontend's own timers live through.
 */
final class WireFaults {

  private WireFaults() {}

  static Faults of(List<TransportFaultSpec> specs, Timeline timeline, long seed) {
    return new Faults(seed, specs.stream().map(spec -> fault(spec, timeline)).toList());
  }

  private static TransportFault fault(TransportFaultSpec spec, Timeline timeline) {
    // Where it starts, as a message and as a virtual time (a span of time is counted from it).
    long from;
    long startNs;
    if (spec.start() instanceof AtTime at) {
      from = timeline.sequenceAt(at.ns());
      startNs = at.ns();
    } else {
      from = ((AtMessage) spec.start()).sequence();
      startNs = timeline.virtualNs(from);
    }
    TransportFaultSpec.Kind kind = spec.kind();
    if (kind instanceof TransportFaultSpec.Drop d) {
      return new TransportFault.Drop(from, until(d.extent(), from, startNs, timeline), d.probability());
    }
    if (kind instanceof TransportFaultSpec.Duplicate d) {
      return new TransportFault.Duplicate(
          from, until(d.extent(), from, startNs, timeline), d.probability());
    }
    if (kind instanceof TransportFaultSpec.Reorder r) {
      return new TransportFault.Reorder(from, until(r.extent(), from, startNs, timeline), r.window());
    }
    if (kind instanceof TransportFaultSpec.Delay d) {
      return new TransportFault.Delay(from, until(d.extent(), from, startNs, timeline),
          Duration.ofNanos(d.fixedNs()), Duration.ofNanos(d.jitterNs()));
    }
    if (kind instanceof TransportFaultSpec.SlowConsumer s) {
      return new TransportFault.SlowConsumer(from, until(s.extent(), from, startNs, timeline),
          Duration.ofNanos(s.perMessageNs()));
    }
    if (kind instanceof TransportFaultSpec.Stall s) {
      return new TransportFault.Stall(from, Duration.ofNanos(s.lengthNs()));
    }
    if (kind instanceof TransportFaultSpec.Disconnect d) {
      return new TransportFault.Disconnect(from, Duration.ofNanos(d.lengthNs()));
    }
    return new TransportFault.Reload(from); // the one kind left of the sealed set
  }

  /**
   * Where a fault over a range of messages ends (excluded): at the stream's end, after a count,
   * or at the first message past a span of virtual time from its start.
   */
  private static long until(Extent extent, long from, long startNs, Timeline timeline) {
    if (extent instanceof ForMessages m) {
      return from + m.count();
    }
    if (extent instanceof ForTime t) {
      return Math.max(from + 1, timeline.sequenceAt(startNs + t.ns()));
    }
    return Long.MAX_VALUE; // UntilEnd
  }
}

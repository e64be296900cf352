package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.scenarios.scenario.TransportFaultSpec.Extent;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads one entry of {@code transport.faults}, like {@code {at: 2s, drop: {for: 1s, probability:
 * 0.1}}} or {@code {from_message: 1200, stall: {for: 500ms}}}: where it starts ({@code at}, a
 * virtual time, by default {@code 0s}; or {@code from_message}, a sequence), exactly one kind key,
 * and the kind's parameters.
 */
final class TransportFaultReader {

  /** The transports with a server connection for a disconnect to cut (docs/transports.md). */
  static final List<String> WITH_SERVER = List.of("websocket", "sse");

  private static final List<String> START_KEYS = List.of("at", "from_message");
  private static final List<String> KEYS =
      Stream.concat(START_KEYS.stream(), TransportFaultKind.names().stream()).toList();

  private final String transportKind;
  private final Overrides overrides;
  private final Optional<RunLength> run;

  /** @param run the run's length, to check start times against; empty when unknown */
  TransportFaultReader(String transportKind, Overrides overrides, Optional<RunLength> run) {
    this.transportKind = transportKind;
    this.overrides = overrides;
    this.run = run;
  }

  TransportFaultSpec read(YamlNode node) throws SpecException {
    MapNode map = node.asMap("a transport fault like {at: 2s, drop: {for: 1s}}");
    map.allowOnly(KEYS, "transport fault");
    Fields fault = Fields.of(map, overrides);
    TransportFaultKind kind = kind(map);
    if (kind == TransportFaultKind.DISCONNECT && !WITH_SERVER.contains(transportKind)) {
      throw map.keyError(kind.yamlName(), "expected a transport with a server connection to cut ("
          + String.join(" or ", WITH_SERVER) + ") for a disconnect, found transport \"" + transportKind + "\"");
    }
    TransportFaultSpec.Start start = start(fault);
    Fields params = fault.section(kind.yamlName(), "the " + kind.yamlName() + " parameters, a mapping like {for: 1s}");
    params.allowOnly(kind.keys(), kind.yamlName() + " fault");
    Extent extent = kind.ranged() ? extent(params) : new TransportFaultSpec.UntilEnd();
    return new TransportFaultSpec(start, kind.read(params, extent));
  }

  private static TransportFaultKind kind(MapNode map) throws SpecException {
    TransportFaultKind found = null;
    for (TransportFaultKind kind : TransportFaultKind.values()) {
      if (!map.has(kind.yamlName())) {
        continue;
      }
      if (found != null) {
        throw map.keyError(kind.yamlName(), "expected exactly one fault kind, found \"" + kind.yamlName()
            + "\" besides \"" + found.yamlName() + "\"; declare them as two faults");
      }
      found = kind;
    }
    if (found == null) {
      throw map.error("missing the fault kind; expected exactly one of: "
          + String.join(", ", TransportFaultKind.names()));
    }
    return found;
  }

  private TransportFaultSpec.Start start(Fields fault) throws SpecException {
    Optional<YamlNode> at = fault.get("at");
    Optional<YamlNode> fromMessage = fault.get("from_message");
    if (at.isPresent() && fromMessage.isPresent()) {
      throw fromMessage.get().error("expected either at (a time) or from_message (a sequence), found both");
    }
    if (fromMessage.isPresent()) {
      return new TransportFaultSpec.AtMessage(Values.integer(fromMessage.get(), 0, Long.MAX_VALUE - 1,
          "a message sequence, 0 or more"));
    }
    long atNs = at.isPresent() ? Durations.of(at.get()) : 0;
    if (at.isPresent() && run.isPresent()) {
      run.get().before(atNs, at.get());
    }
    return new TransportFaultSpec.AtTime(atNs);
  }

  /** {@code for} or {@code for_messages}, at most one; to the end without either. */
  private static Extent extent(Fields params) throws SpecException {
    Optional<YamlNode> time = params.get(TransportFaultKind.FOR);
    Optional<YamlNode> count = params.get(TransportFaultKind.FOR_MESSAGES);
    if (time.isPresent() && count.isPresent()) {
      throw count.get().error("expected either for (a time) or for_messages (a count), found both");
    }
    if (time.isPresent()) {
      return new TransportFaultSpec.ForTime(Durations.positive(time.get()));
    }
    if (count.isPresent()) {
      return new TransportFaultSpec.ForMessages(Values.integer(count.get(), 1, Long.MAX_VALUE,
          "a whole number of messages, 1 or more"));
    }
    return new TransportFaultSpec.UntilEnd();
  }
}

package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Suggestions;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads one entry of {@code faults:}, like {@code {at: 2s, sensors: [accel], dropout: {for: 1s}}},
 * checking it against the run's duration and declared sensors.
 */
final class FaultParser {

  private static final List<String> OWN_KEYS = List.of("at", "sensors");
  private static final List<String> KEYS = Stream.concat(OWN_KEYS.stream(), FaultKind.names().stream()).toList();

  private final long durationNs;
  private final String durationText;
  private final List<String> sensorIds;

  /**
   * @param durationText the run's duration as written, for messages
   * @param sensorIds the declared sensors, in declaration order
   */
  FaultParser(long durationNs, String durationText, List<String> sensorIds) {
    this.durationNs = durationNs;
    this.durationText = durationText;
    this.sensorIds = sensorIds;
  }

  FaultSpec parse(YamlNode node) throws SpecException {
    MapNode map = node.asMap("a fault like {at: 2s, dropout: {for: 1s}}");
    map.allowOnly(KEYS, "fault");
    FaultKind kind = kind(map);
    long atNs = at(map.get("at"));
    List<String> sensors = sensors(map.get("sensors"));
    MapNode params = map.require(kind.yamlName(), "fault")
        .asMapOrEmpty("the " + kind.yamlName() + " parameters, a mapping like {for: 1s}");
    params.allowOnly(kind.keys(), kind.yamlName() + " fault");
    Params p = new Params(params, kind.yamlName() + " fault");
    return new FaultSpec(atNs, p.positiveDuration(FaultKind.FOR, FaultSpec.UNTIL_END), sensors, kind.read(p));
  }

  private static FaultKind kind(MapNode map) throws SpecException {
    FaultKind found = null;
    for (FaultKind kind : FaultKind.values()) {
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
      throw map.error("missing the fault kind; expected exactly one of: " + String.join(", ", FaultKind.names()));
    }
    return found;
  }

  private long at(Optional<YamlNode> declared) throws SpecException {
    if (declared.isEmpty()) {
      return 0;
    }
    long atNs = Durations.of(declared.get());
    if (atNs >= durationNs) {
      throw declared.get().expected("a start time before the end of the run (duration " + durationText + ")");
    }
    return atNs;
  }

  private List<String> sensors(Optional<YamlNode> declared) throws SpecException {
    if (declared.isEmpty()) {
      return List.of();
    }
    List<YamlNode> items = declared.get().asSeq("a list of sensor ids").items();
    if (items.isEmpty()) {
      throw declared.get().error("expected at least one sensor id, found an empty list;"
          + " leave \"sensors\" out to affect all sensors");
    }
    UniqueNames unique = new UniqueNames("sensor id");
    List<String> ids = new ArrayList<>();
    for (YamlNode item : items) {
      String id = SensorParser.name(item, "a sensor id");
      if (!sensorIds.contains(id)) {
        throw item.error("expected a declared sensor id (" + String.join(", ", sensorIds) + "), found \"" + id + "\""
            + Suggestions.didYouMean(id, sensorIds));
      }
      unique.claim(id, item);
      ids.add(id);
    }
    return ids;
  }
}

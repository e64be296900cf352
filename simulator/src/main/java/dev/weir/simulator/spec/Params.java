package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.Optional;

/**
 * Typed access to the parameters in one mapping (a fault kind, a sensor's model), with
 * defaults for absent keys and errors at the offending value.
 */
class Params {

  private final MapNode map;
  private final String what;

  /** @param what names the mapping in "missing required key" messages, like "dropout fault" */
  Params(MapNode map, String what) {
    this.map = map;
    this.what = what;
  }

  final MapNode map() {
    return map;
  }

  final Optional<YamlNode> get(String key) {
    return map.get(key);
  }

  final YamlNode require(String key) throws SpecException {
    return map.require(key, what);
  }

  final double number(String key, double absent, NumberRule rule) throws SpecException {
    Optional<YamlNode> node = map.get(key);
    return node.isPresent() ? rule.check(node.get()) : absent;
  }

  final double requiredNumber(String key, NumberRule rule) throws SpecException {
    return rule.check(require(key));
  }

  /** A duration that must be above zero, or {@code absent}. */
  final long positiveDuration(String key, long absent) throws SpecException {
    Optional<YamlNode> node = map.get(key);
    return node.isPresent() ? Durations.positive(node.get()) : absent;
  }

  /** A duration that must not be negative, or {@code absent}. */
  final long duration(String key, long absent) throws SpecException {
    Optional<YamlNode> node = map.get(key);
    return node.isPresent() ? Durations.of(node.get()) : absent;
  }


  static long signedDuration(YamlNode node) throws SpecException {
    String text = node.asScalar("a duration like 1500ms or -5ms").text();
    try {
      return Durations.parseSigned(text);
    } catch (IllegalArgumentException bad) {
      throw node.error(bad.getMessage());
    }
  }
}

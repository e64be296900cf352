package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values one matrix combination puts in front of the file's, by path ({@code transport.kind}),
 * and the record of every path the parser looked up: a matrix path that no lookup asked for is one
 * the scenario does not read, and is reported as unknown.
 */
final class Overrides {

  private final Map<String, YamlNode> values;
  private final Set<String> read = new LinkedHashSet<>();
  private final Set<String> used = new HashSet<>();

  /** @param values by path, each a matrix list's item; empty for a file without a matrix */
  Overrides(Map<String, ? extends YamlNode> values) {
    this.values = new LinkedHashMap<>(values);
  }

  /** The matrix's value for {@code path}, if it has one; notes that the path was read. */
  Optional<YamlNode> lookup(String path) {
    read.add(path);
    YamlNode value = values.get(path);
    if (value != null) {
      used.add(path);
    }
    return Optional.ofNullable(value);
  }

  /** Every path looked up, in the order first asked. */
  List<String> read() {
    return new ArrayList<>(read);
  }

  /** Whether a lookup took the matrix's value for {@code path}. */
  boolean used(String path) {
    return used.contains(path);
  }
}

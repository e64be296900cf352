package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Position;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.ScalarNode;
import dev.weir.simulator.spec.yaml.Suggestions;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's {@code matrix:}: paths into the scenario ({@code transport.kind}, {@code seed}), each
 * with a list of plain values; the scenario runs once per combination, the first path varying
 * slowest, so combinations come in file order.
 */
final class Matrix {

  /** The most combinations one file may expand to: a guard against a typo'd cross product. */
  static final int MAX_COMBINATIONS = 10_000;

  private static final String VALUES = "a non-empty list of plain values like [channel, websocket]";

  private final MapNode node;
  private final List<Axis> axes;

  /** One matrix path and its values; {@code label} names it in instance ids. */
  private record Axis(String path, String label, List<ScalarNode> values) {}

  private Matrix(MapNode node, List<Axis> axes) {
    this.node = node;
    this.axes = axes;
  }

  /** The matrix under {@code matrix} in the file's top-level mapping, if there is one. */
  static Optional<Matrix> read(MapNode root) throws SpecException {
    Optional<YamlNode> declared = root.get("matrix");
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    MapNode map = declared.get().asMap("a mapping of scenario paths to lists of values, like {transport.kind: [channel, sse]}");
    if (map.keys().isEmpty()) {
      throw map.expected("at least one scenario path, like {transport.kind: [channel, sse]}");
    }
    Problems problems = new Problems();
    List<Axis> axes = new ArrayList<>();
    for (String path : map.keys()) {
      problems.attempt(() -> values(map.get(path).orElseThrow()))
          .ifPresent(values -> axes.add(new Axis(path, label(path, map.keys()), values)));
    }
    problems.throwIfAny();
    long combinations = axes.stream().mapToLong(axis -> axis.values().size()).reduce(1, Math::multiplyExact);
    if (combinations > MAX_COMBINATIONS) {
      throw map.error("expected at most " + MAX_COMBINATIONS + " combinations, found " + combinations);
    }
    return Optional.of(new Matrix(map, axes));
  }

  private static List<ScalarNode> values(YamlNode node) throws SpecException {
    List<YamlNode> items = node.asSeq(VALUES).items();
    if (items.isEmpty()) {
      throw node.expected(VALUES);
    }
    Map<String, Position> seen = new HashMap<>();
    List<ScalarNode> values = new ArrayList<>();
    for (YamlNode item : items) {
      ScalarNode value = item.asScalar("a plain value (a number, a word, a duration)");
      if (value.isNull()) {
        throw item.expected("a plain value (a number, a word, a duration)");
      }
      Position first = seen.putIfAbsent(value.text(), item.position());
      if (first != null) {
        throw item.error("duplicate matrix value \"" + value.text() + "\"; first at line " + first.line()
            + ", column " + first.column());
      }
      values.add(value);
    }
    return values;
  }

  /** A path's last part ({@code kind} for {@code transport.kind}), or the whole path where two paths share it. */
  private static String label(String path, List<String> paths) {
    String last = lastPart(path);
    return paths.stream().filter(other -> lastPart(other).equals(last)).count() > 1 ? path : last;
  }

  private static String lastPart(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Every combination, in order: the values by path. */
  List<Map<String, ScalarNode>> combinations() {
    List<Map<String, ScalarNode>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    for (Axis axis : axes) {
      List<Map<String, ScalarNode>> next = new ArrayList<>();
      for (Map<String, ScalarNode> prefix : combinations) {
        for (ScalarNode value : axis.values()) {
          Map<String, ScalarNode> combination = new LinkedHashMap<>(prefix);
          combination.put(axis.path(), value);
          next.add(combination);
        }
      }
      combinations = next;
    }
    return combinations;
  }

  /** A combination's parameters for its instance id: label = value, in matrix order. */
  Map<String, String> parameters(Map<String, ScalarNode> combination) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Axis axis : axes) {
      parameters.put(axis.label(), combination.get(axis.path()).text());
    }
    return parameters;
  }

  /** The matrix paths no lookup read, each an error at its key with a did-you-mean among {@code read}. */
  List<SpecException> unknownPaths(List<String> read, List<Overrides> used) {
    List<SpecException> unknown = new ArrayList<>();
    for (Axis axis : axes) {
      if (used.stream().noneMatch(overrides -> overrides.used(axis.path()))) {
        unknown.add(node.keyError(axis.path(), "unknown matrix path \"" + axis.path()
            + "\"; expected a value this scenario reads: " + String.join(", ", read)
            + Suggestions.didYouMean(axis.path(), read)));
      }
    }
    return unknown;
  }
}

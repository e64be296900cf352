package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * One mapping of a scenario file as the parser reads it, whether the file has it or not: its
 * values, with the matrix combination's in front of the file's. A section the file leaves out reads
 * as empty, so a matrix can set {@code transport.kind} in a file with no {@code transport}.
 */
final class Fields {

  private final String path;
  private final MapNode map;
  private final YamlNode anchor;
  private final Overrides overrides;

  /**
   * @param map the mapping; null when the file has none here
   * @param anchor where problems of the mapping itself point: the mapping, or the nearest node
   *     around the place it would be
   */
  private Fields(String path, MapNode map, YamlNode anchor, Overrides overrides) {
    this.path = path;
    this.map = map;
    this.anchor = anchor;
    this.overrides = overrides;
  }

  /** The fields of a mapping the file has, such as a list's item, at its own path. */
  static Fields of(MapNode map, Overrides overrides) {
    return new Fields(map.path(), map, map, overrides);
  }

  /** The value of {@code key}: the matrix's, else the file's, else empty. */
  Optional<YamlNode> get(String key) {
    Optional<YamlNode> override = overrides.lookup(path.isEmpty() ? key : path + "." + key);
    return override.isPresent() || map == null ? override : map.get(key);
  }

  /** The file's keys here, in document order; none when the file has no such mapping. */
  List<String> keys() {
    return map == null ? List.of() : map.keys();
  }

  /** Whether the file (not the matrix) holds {@code key}. */
  boolean inFile(String key) {
    return map != null && map.has(key);
  }

  /**
   * The value of {@code key}.
   *
   * @param what names this mapping in the message, like "transport window"
   */
  YamlNode require(String key, String what) throws SpecException {
    Optional<YamlNode> value = get(key);
    if (value.isEmpty()) {
      throw anchor.error("missing required key \"" + key + "\" in " + what);
    }
    return value.get();
  }

  /**
   * The mapping under {@code key}: an empty one when the file has none, or a null value there.
   *
   * @param what what the mapping should look like, for the message when it is something else
   */
  Fields section(String key, String what) throws SpecException {
    String at = path.isEmpty() ? key : path + "." + key;
    Optional<YamlNode> node = map == null ? Optional.empty() : map.get(key);
    if (node.isEmpty()) {
      return new Fields(at, null, anchor, overrides);
    }
    MapNode section = node.get().asMapOrEmpty(what);
    return new Fields(at, section, section, overrides);
  }

  /** Rejects keys not in {@code allowed}, each at its place, with a did-you-mean. */
  void allowOnly(List<String> allowed, String what) throws SpecException {
    if (map != null) {
      map.allowOnly(allowed, what);
    }
  }

  /** A problem at the file's key {@code key} (see {@link #inFile}), not at its value. */
  SpecException keyError(String key, String detail) {
    return map.keyError(key, detail);
  }

  /** A problem with the mapping as a whole. */
  SpecException error(String detail) {
    return anchor.error(detail);
  }
}

package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping with string keys, in document order, without duplicates (the parser rejects
 * them).
 *
 * <p>Schema code calls {@link #allowOnly} first so that a misspelt key is reported as such,
 * with a suggestion, rather than as a missing required key.
 */
public final class MapNode extends YamlNode {

  private final Map<String, Entry> entries;

  /** A key and its value; the key node carries the key's own position. */
  record Entry(ScalarNode key, YamlNode value) {}

  MapNode(Position position, String path, Map<String, Entry> entries) {
    super(position, path);
    this.entries = new LinkedHashMap<>(entries);
  }

  /** The keys in document order. */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key}, empty when the key is absent. */
  public Optional<YamlNode> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::value);
  }

  /**
   * The value of {@code key}.
   *
   * @param what names this mapping in the message, like "sensor"
   * @throws SpecException at this mapping when the key is absent
   */
  public YamlNode require(String key, String what) throws SpecException {
    Entry entry = entries.get(key);
    if (entry == null) {
      throw error("missing required key " + Quoting.quote(key) + " in " + what);
    }
    return entry.value();
  }

  /**
   * Rejects every key not in {@code allowed}, all at once, each at the key's own position and
   * with a "did you mean" when an allowed key is close.
   *
   * @param allowed the permitted keys, in the order the message lists them
   * @param what names this mapping in the message, like "sensor"
   */
  public void allowOnly(List<String> allowed, String what) throws SpecException {
    List<SpecException> unknown = new ArrayList<>();
    for (Entry entry : entries.values()) {
      String key = entry.key().text();
      if (!allowed.contains(key)) {
        unknown.add(keyError(key, "unknown key " + Quoting.quote(key) + " in " + what + "; expected one of: "
            + String.join(", ", allowed) + Suggestions.didYouMean(key, allowed)));
      }
    }
    if (!unknown.isEmpty()) {
      throw SpecException.combine(unknown);
    }
  }

  /** A problem at the position of {@code key} itself (not its value), e.g. a key that must not be there. */
  public SpecException keyError(String key, String detail) {
    Entry entry = entries.get(key);
    if (entry == null) {
      throw new IllegalArgumentException("no key " + key + " in " + path());
    }
    return entry.key().error(detail);
  }

  @Override
  public MapNode asMap(String what) {
    return this;
  }

  @Override
  public MapNode asMapOrEmpty(String what) {
    return this;
  }

  @Override
  String describe() {
    return "a mapping";
  }
}

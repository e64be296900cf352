package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a composed snakeyaml node graph into positioned {@link YamlNode}s, giving each its path
 * and rejecting what a configuration file should not contain: duplicate keys, non-scalar keys
 * and aliases that contain themselves. Duplicate keys are all reported, not just the first.
 */
final class TreeBuilder {

  private final String sourceName;
  private final Utf8Offsets offsets;
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Problems problems = new Problems();

  TreeBuilder(String sourceName, Utf8Offsets offsets) {
    this.sourceName = sourceName;
    this.offsets = offsets;
  }

  static Position position(Optional<Mark> mark, String sourceName, Utf8Offsets offsets) {
    return mark.map(m -> new Position(sourceName, m.getLine() + 1, m.getColumn() + 1, offsets.byteOffset(m.getIndex())))
        .orElse(new Position(sourceName, 1, 1, 0));
  }

  YamlNode build(Node root) throws SpecException {
    YamlNode tree = convert(root, "");
    problems.throwIfAny();
    return tree;
  }

  private YamlNode convert(Node node, String path) throws SpecException {
    Position position = position(node.getStartMark(), sourceName, offsets);
    if (!open.add(node)) {
      throw new SpecException(sourceName, position.line(), position.column(), position.byteOffset(), path,
          "expected an alias to a finished node, found a recursive alias");
    }
    try {
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, position, path);
      }
      if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          items.add(convert(item, path + "[" + items.size() + "]"));
        }
        return new SeqNode(position, path, items);
      }
      return scalar((org.snakeyaml.engine.v2.nodes.ScalarNode) node, position, path);
    } finally {
      open.remove(node);
    }
  }

  private MapNode mapping(MappingNode mapping, Position position, String path) throws SpecException {
    Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Position keyPosition = position(keyNode.getStartMark(), sourceName, offsets);
      if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalarKey)) {
        throw new SpecException(sourceName, keyPosition.line(), keyPosition.column(), keyPosition.byteOffset(), path,
            "expected a plain key, found a " + (keyNode instanceof MappingNode ? "mapping" : "list") + " as a key");
      }
      String key = scalarKey.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      ScalarNode keyScalar = scalar(scalarKey, keyPosition, childPath);
      MapNode.Entry first = entries.get(key);
      if (first != null) {
        Position at = first.key().position();
        problems.add(keyScalar.error("duplicate key " + Quoting.quote(key) + "; first defined at line " + at.line()
            + ", column " + at.column()));
        continue;
      }
      entries.put(key, new MapNode.Entry(keyScalar, convert(tuple.getValueNode(), childPath)));
    }
    return new MapNode(position, path, entries);
  }

  private static ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode node, Position position, String path) {
    return new ScalarNode(position, path, node.getValue(), type(node));
  }

  private static ScalarNode.Type type(org.snakeyaml.engine.v2.nodes.ScalarNode node) {
    Tag tag = node.getTag();
    if (tag.equals(Tag.INT)) {
      return ScalarNode.Type.INTEGER;
    }
    if (tag.equals(Tag.FLOAT)) {
      return ScalarNode.Type.FLOAT;
    }
    if (tag.equals(Tag.BOOL)) {
      return ScalarNode.Type.BOOLEAN;
    }
    return tag.equals(Tag.NULL) ? ScalarNode.Type.NULL : ScalarNode.Type.STRING;
  }
}

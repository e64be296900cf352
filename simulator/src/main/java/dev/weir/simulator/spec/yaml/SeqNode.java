package dev.weir.simulator.spec.yaml;

import java.util.List;

/** A YAML sequence whose items carry their own positions and paths ({@code steps[2]}). */
public final class SeqNode extends YamlNode {

  private final List<YamlNode> items;

  SeqNode(Position position, String path, List<YamlNode> items) {
    super(position, path);
    this.items = List.copyOf(items);
  }

  /** The items in document order; possibly empty. */
  public List<YamlNode> items() {
    return items;
  }

  public int size() {
    return items.size();
  }

  @Override
  public SeqNode asSeq(String what) {
    return this;
  }

  @Override
  String describe() {
    return items.isEmpty() ? "an empty list" : "a list";
  }
}

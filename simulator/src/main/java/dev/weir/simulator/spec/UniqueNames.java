package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.Position;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;

/** Checks that names (sensor ids, channel names) are unique, pointing a repeat at its first use. */
final class UniqueNames {

  private final String what;
  private final Map<String, Position> seen = new HashMap<>();

  /** @param what names the kind of name in messages, like "sensor id" */
  UniqueNames(String what) {
    this.what = what;
  }

  /** Records {@code name}, declared at {@code node}; a name seen before is an error at {@code node}. */
  void claim(String name, YamlNode node) throws SpecException {
    Position first = seen.putIfAbsent(name, node.position());
    if (first != null) {
      throw node.error("duplicate " + what + " \"" + name + "\"; first declared at line " + first.line()
          + ", column " + first.column());
    }
  }
}

package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.YamlNode;

/**
 * How long a run lasts in virtual time, and how the file wrote it: what a fault's start time is
 * checked against.
 */
record RunLength(long ns, String text) {

  /** {@code atNs}, if it is before the end of the run; an error at {@code node} otherwise. */
  long before(long atNs, YamlNode node) throws SpecException {
    if (atNs >= ns) {
      throw node.expected("a start time before the end of the run (duration " + text + ")");
    }
    return atNs;
  }
}

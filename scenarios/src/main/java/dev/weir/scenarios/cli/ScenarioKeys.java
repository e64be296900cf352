package dev.weir.scenarios.cli;

import java.util.Set;

/**
 * Top-level scenario keys that belong to the scenario module rather than to the simulator.
 *
 * <p>The simulator's parser rejects any top-level key it does not own unless it is named here,
 * so a typo is an error while a full scenario file (transport, frontend, expect, ...) is still a
 * valid input to {@code weir simulate}.
 */
final class ScenarioKeys {

  static final Set<String> OWNED_BY_SCENARIO =
      Set.of("weir", "name", "description", "tags", "source", "transport", "frontend", "speed", "expect");

  private ScenarioKeys() {}
}

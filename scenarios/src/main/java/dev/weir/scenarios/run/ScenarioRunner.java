package dev.weir.scenarios.run;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Conformance;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.StreamCase;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenario instances one at a time in a browser runtime, keeping one frontend server per
 * frontend folder: what the JUnit engine and {@code weir run} both call, so a scenario runs the
 * same way from either.
 */
public final class ScenarioRunner {

  private final BrowserRuntime runtime;
  private final Optional<Frontend> override;
  private final Map<Frontend, Conformance> conformances = new HashMap<>();

  /** Runs each scenario against its own frontend. */
  public ScenarioRunner(BrowserRuntime runtime) {
    this(runtime, Optional.empty());
  }

  /** Runs every scenario against {@code override}, when given, instead of its own frontend. */
  public ScenarioRunner(BrowserRuntime runtime, Optional<Frontend> override) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.override = Objects.requireNonNull(override, "override");
  }

  /**
   * Runs {@code instance} on its transport against its frontend.
   *
   * @throws IOException when its recording cannot be read
   */
  public CaseResult run(ScenarioInstance instance) throws IOException {
    StreamCase scenario = ScenarioCases.of(instance);
    Conformance conformance = conformances.computeIfAbsent(
        override.orElseGet(() -> ScenarioCases.frontend(instance)),
        frontend -> new Conformance(runtime, frontend));
    return conformance.run(scenario, scenario.kind());
  }
}

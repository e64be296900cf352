package dev.weir.scenarios.run;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Conformance;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.JudgedRun;
import dev.weir.harness.conformance.StreamCase;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenario instances one at a time in a browser runtime, keeping one frontend server per
 * frontend folder, and leaves a repro bundle behind each failing run: what the JUnit engine, {@code
 * weir run} and {@code weir replay} all call, so a scenario runs the same way from each.
 */
public final class ScenarioRunner {

  private final BrowserRuntime runtime;
  private final Optional<Frontend> override;
  private final Optional<Path> bundles;
  private final Map<Frontend, Conformance> conformances = new HashMap<>();

  /**
   * Runs every scenario against {@code override} when given, else against its own frontend, and
   * writes failing runs' bundles under {@code bundles} when given (a replay writes none: it would
   * replace the bundle it replays).
   */
  public ScenarioRunner(BrowserRuntime runtime, Optional<Frontend> override, Optional<Path> bundles) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.override = Objects.requireNonNull(override, "override");
    this.bundles = Objects.requireNonNull(bundles, "bundles");
  }

  /**
   * Runs {@code instance} on its transport against its frontend.
   *
   * @return its result, with the path of its repro bundle when it failed
   * @throws IOException when its recording cannot be read, or its bundle not written
   */
  public CaseResult run(ScenarioInstance instance) throws IOException {
    StreamCase scenario = ScenarioCases.of(instance);
    Frontend frontend = override.orElseGet(() -> ScenarioCases.frontend(instance));
    JudgedRun run = conformances.computeIfAbsent(frontend, f -> new Conformance(runtime, f))
        .judge(scenario, scenario.kind());
    if (run.result().passed() || bundles.isEmpty()) {
      return run.result();
    }
    return run.result().withBundle(ReproBundle.write(bundles.get(), instance, frontend, run).folder());
  }
}

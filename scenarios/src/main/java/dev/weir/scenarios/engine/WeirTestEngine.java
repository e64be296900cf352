package dev.weir.scenarios.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;

/**
 * Runs scenario files as tests on the JUnit Platform, so a project's scenario folder runs under
 * {@code mvn test} beside its other tests, with Surefire's reports, tag expressions and IDE
 * re-runs. One test per scenario instance (a matrix file gives several, each on its transport),
 * grouped by file; a file that does not parse is a failing test naming its line and column.
 *
 * <pre>{@code
 * @Suite
 * @IncludeEngines("weir")
 * @SelectDirectories("src/test/scenarios")
 * class Scenarios {}
 * }</pre>
 */
public final class WeirTestEngine implements TestEngine {

  /** The engine's id, for {@code @IncludeEngines} and unique ids. */
  public static final String ID = "weir";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    return new ScenarioDiscovery(request, uniqueId).discover();
  }

  @Override
  public void execute(ExecutionRequest request) {
    new ScenarioExecution(request).run();
  }
}

package dev.weir.scenarios.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The weir engine on real scenario files and a real browser: what it discovers and how it names
 * and tags it, a passing scenario passing, a broken frontend failing with its first violation, a
 * file that does not parse failing with its line and column.
 */
class WeirTestEngineTest {

  private static final String SMOKE = "src/test/scenarios";
  private static final String BROKEN = "src/test/resources/engine/broken";

  @Test
  void discoversOneTestPerInstanceNamedByItsIdAndTaggedWithItsTagsAndTransport() {
    TestDescriptor engine = EngineTestKit.engine(WeirTestEngine.ID)
        .selectors(selectDirectory(SMOKE)).discover().getEngineDescriptor();
    List<TestDescriptor> tests = engine.getDescendants().stream()
        .filter(TestDescriptor::isTest).map(TestDescriptor.class::cast).toList();
    assertEquals(List.of("ordering-over-ipc[kind=channel]", "ordering-over-ipc[kind=event]"),
        tests.stream().map(TestDescriptor::getDisplayName).toList());
    assertEquals(Set.of("ordering", "engine-smoke", "event"),
        tests.get(1).getTags().stream().map(TestTag::getName).collect(Collectors.toSet()));
    assertEquals("ordering-over-ipc.yaml", tests.get(0).getParent().orElseThrow().getDisplayName());
  }

  @Test
  void aTagExpressionRunsOnlyTheScenariosItSelectsAndAPassingOnePasses() {
    EngineExecutionResults results = EngineTestKit.engine(WeirTestEngine.ID)
        .selectors(selectDirectory(SMOKE))
        .filters(TagFilter.includeTags("engine-smoke & event"))
        .execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    assertEquals("ordering-over-ipc[kind=event]", results.testEvents().started().stream()
        .findFirst().orElseThrow().getTestDescriptor().getDisplayName());
  }

  @Test
  void aBrokenFrontendFailsWithItsFirstViolationAndBundleAndABadFileWithItsLineAndColumn(
      @TempDir Path bundles) {
    EngineExecutionResults results = EngineTestKit.engine(WeirTestEngine.ID)
        .selectors(selectDirectory(BROKEN)).configurationParameter("weir.bundles", bundles.toString())
        .execute();
    results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
    String misspelt = failure(results, "misspelt.yaml");
    assertTrue(misspelt.contains("misspelt.yaml:6:1") && misspelt.contains("transprot"),
        "expected the file, line 6, column 1 and the unknown key, got: " + misspelt);
    String ordering = failure(results, "no-reorder-frontend");
    assertTrue(ordering.startsWith("ordering") && ordering.contains("FAILED")
            && ordering.contains("out-of-order at event #"),
        "expected the ordering verdict's summary with its first violation, got: " + ordering);
    Path bundle = bundles.resolve("no-reorder-frontend").toAbsolutePath();
    assertTrue(ordering.endsWith("Repro bundle: " + bundle + "\nReplay: ./weir replay '" + bundle + "'"),
        "expected the bundle's path and replay command, got: " + ordering);
    assertTrue(Files.isRegularFile(bundle.resolve("scenario.yaml")), "no bundle at " + bundle);
  }

  @Test
  void theShardParameterKeepsThatShardOfTheSuiteSortedById() {
    TestDescriptor engine = EngineTestKit.engine(WeirTestEngine.ID)
        .selectors(selectDirectory(SMOKE)).configurationParameter("weir.shard", "1/2")
        .discover().getEngineDescriptor();
    assertEquals(List.of("ordering-over-ipc[kind=channel]"), engine.getDescendants().stream()
        .filter(TestDescriptor::isTest).map(TestDescriptor::getDisplayName).toList());
  }

  @Test
  void aFileSelectorRunsThatFileOnly() {
    TestDescriptor engine = EngineTestKit.engine(WeirTestEngine.ID)
        .selectors(selectFile(BROKEN + "/misspelt.yaml")).discover().getEngineDescriptor();
    assertEquals(List.of("misspelt.yaml"), engine.getChildren().stream()
        .map(TestDescriptor::getDisplayName).toList());
  }

  private static String failure(EngineExecutionResults results, String name) {
    Event finished = results.testEvents().failed().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(name))
        .findFirst().orElseThrow(() -> new AssertionError("no failed test named " + name));
    TestExecutionResult result = finished.getPayload(TestExecutionResult.class).orElseThrow();
    return result.getThrowable().orElseThrow().getMessage();
  }
}

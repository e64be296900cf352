package dev.weir.scenarios.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Frontend;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.scenarios.scenario.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failing scenario run leaves a bundle that runs again to the same verdict: one failure of each
 * checker a scenario can fail, each on the broken frontend made for it, in a real browser. The
 * replay reads the bundle only (its scenario names the frontend, its readings come from its
 * stream), so it also shows the bundle is complete.
 */
class ReproBundleTest {

  private static final Path FIXTURES = Path.of("src/test/resources/bundle");
  private static final Path BROKEN = Path.of("../fixtures/frontend/broken");

  @TempDir Path bundles;

  private static ScenarioInstance scenario(String name) throws Exception {
    return ScenarioParser.parse(FIXTURES.resolve(name + ".yaml")).get(0);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"ordering, no-reorder", "backpressure, async-queue", "buffer, ring-grows",
      "reconnect, retry-after-give-up", "cleanup, listener-leak"})
  void aFailureReplaysFromItsBundleToTheSameVerdict(String checker, String variant) throws Exception {
    Frontend broken = new Frontend(BROKEN.resolve(variant));
    CaseResult failed = new ScenarioRunner(BrowserRuntime.shared(), Optional.of(broken), Optional.of(bundles))
        .run(scenario(checker));
    assertFalse(failed.passed(), checker + " passed on " + variant + ": " + failed.statuses());
    assertTrue(failed.outcome().contains(checker) && failed.outcome().contains("FAILED"), failed.outcome());
    ReproBundle bundle = new ReproBundle(failed.bundle().orElseThrow());
    assertEquals(failed.outcome(), bundle.outcome());

    ScenarioInstance pinned = bundle.instance();
    assertEquals(Optional.of(broken.folder()), pinned.scenario().frontend().dir(), "the frontend it ran");
    assertEquals(scenario(checker).scenario().seed(), pinned.scenario().seed(), "the seed it ran");
    Source.Recorded stream = (Source.Recorded) pinned.scenario().source();
    assertEquals(bundle.folder().resolve("stream.mcap"), stream.recording());
    assertEquals(RunFilesRead.sent(bundle.folder()), RunFilesRead.readings(stream.recording()), "the stream holds what was sent");
    assertEquals(ReproBundle.command(bundle.folder()) + "\n",
        Files.readString(bundle.folder().resolve("replay.txt")));

    CaseResult replayed = new ScenarioRunner(BrowserRuntime.shared(), Optional.empty(), Optional.empty())
        .run(pinned);
    assertEquals(bundle.outcome(), replayed.outcome(), "the replay's verdict");
  }

  @Test
  void aPassingRunLeavesNoBundleAndANewFailureReplacesTheOld() throws Exception {
    ScenarioRunner reference = new ScenarioRunner(BrowserRuntime.shared(), Optional.empty(), Optional.of(bundles));
    CaseResult passed = reference.run(scenario("ordering"));
    assertTrue(passed.passed(), passed.statuses());
    assertEquals(Optional.empty(), passed.bundle());
    assertEquals(List.of(), list(bundles));

    ScenarioRunner broken = new ScenarioRunner(BrowserRuntime.shared(),
        Optional.of(new Frontend(BROKEN.resolve("no-reorder"))), Optional.of(bundles));
    Path first = broken.run(scenario("ordering")).bundle().orElseThrow();
    Files.writeString(first.resolve("stale"), "from the first run");
    Path second = broken.run(scenario("ordering")).bundle().orElseThrow();
    assertEquals(first, second);
    assertEquals(List.of("replay.txt", "scenario.yaml", "stream.mcap", "trace.mcap", "verdict.json"),
        list(second), "one bundle, the newest, and nothing being built left beside it");
    assertEquals(List.of("ordering-reordered"), list(bundles));
  }

  private static List<String> list(Path folder) throws Exception {
    try (var names = Files.list(folder)) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stall is judged on the time the page's event loop was free: the time it was held is allowed,
 * since no frontend can take a message then. A busy machine holds the loop for a large share of
 * the time, so a case must expose a broken frontend for long enough that what is left still
 * convicts it. Here the page holds its own loop 90 ms in every 200 (as a loaded 2-core machine
 * does): the frontend that waits for a lost message until the stream ends must still fail on
 * {@code stall}, and the reference must still pass (docs/checkers.md, ledger entry 11).
 */
class HeldPageTest {

  /** Holds the page's loop in long stretches, so the lag monitor sees (and allows) nearly all of it. */
  private static final String HOG = """
      const HELD_MS = 90;
      setInterval(() => {
        const until = performance.now() + HELD_MS;
        while (performance.now() < until) {}
      }, 200);
      """;

  private static final ConformanceCase FAULTS = OrderingCase.ALL.stream()
      .filter(c -> c.id().equals("1.2-ordering-faults")).findFirst().orElseThrow();

  @TempDir Path dir;

  @Test
  void aFrontendHoldingMessagesBehindAGapUntilTheEndFailsOnStallWhileThePageIsHeld()
      throws IOException {
    CaseResult result = runHeld(ConformanceSuiteTest.BROKEN.resolve("stuck-gap"));
    Verdict ordering = result.verdicts().get(0);
    assertTrue(result.failures().contains(ordering), result.outcome() + ": " + ordering);
    assertEquals("stall",
        ordering.firstViolation().orElseThrow().defect(), ordering.toString());
  }

  @Test
  void theReferencePassesWhileItsPageIsHeld() throws IOException {
    CaseResult result = runHeld(Frontend.reference().folder());
    assertTrue(result.passed(), result.outcome() + ": " + result.verdicts());
  }

  /** Runs the faults case on sse against a copy of {@code frontend} whose page holds its loop. */
  private CaseResult runHeld(Path frontend) throws IOException {
    Path copy = dir.resolve(frontend.getFileName());
    try (Stream<Path> files = Files.walk(frontend)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(frontend.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.writeString(copy.resolve("hog.js"), HOG);
    Path index = copy.resolve("index.html");
    Files.writeString(index,
        Files.readString(index).replace("<head>", "<head>\n  <script src=\"hog.js\"></script>"));
    Conformance conformance = new Conformance(BrowserRuntime.shared(), new Frontend(copy));
    return conformance.run(FAULTS, "sse");
  }
}

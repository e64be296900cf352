package dev.weir.harness.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.transport.Transports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deliberately broken variants of the reference frontend ({@code fixtures/frontend/broken}):
 * each folder says which checker must fail and why, replaces exactly one reference module through
 * a scoped import map, and loads and starts in Chromium with its broken module in effect. Whether
 * the checker really fails is the conformance runner's test, not this one.
 */
class BrokenVariantsTest {

  private static final Path BROKEN =
      Path.of("..", "fixtures", "frontend", "broken").toAbsolutePath().normalize();
  private static final Path REFERENCE =
      Path.of("..", "fixtures", "frontend", "reference").toAbsolutePath().normalize();
  private static final Set<String> CHECKERS =
      Set.of("ordering", "cleanup", "backpressure", "reconnect", "buffer");

  private static URI served;

  @BeforeAll
  static void serveTheVariantsAndTheReference() {
    assertTrue(
        Files.isDirectory(BROKEN) && Files.isRegularFile(REFERENCE.resolve("main.js")),
        "expected the broken variants at " + BROKEN + " and the reference frontend at " + REFERENCE
            + " (this test runs from the harness module's folder, as Maven runs it)");
    BrowserRuntime runtime = BrowserRuntime.shared();
    Transports.install(runtime);
    runtime.serveShared("reference", REFERENCE);
    served = runtime.serve("broken", BROKEN);
  }

  static Stream<String> variants() throws IOException {
    try (Stream<Path> folders = Files.list(BROKEN)) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyBugTheRunnerIsHeldAgainstHasAVariant() throws IOException {
    List<String> variants = variants().toList();
    assertTrue(
        variants.containsAll(
            List.of(
                "no-reorder", "stuck-gap", "ring-grows", "ring-evicts-newest", "backoff-no-cap",
                "no-jitter", "retry-after-give-up", "no-reset", "no-unsubscribe", "listener-leak",
                "async-queue", "silent-drop")),
        "variants: " + variants);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void namesTheCheckerThatMustFailAndTheBug(String name) throws IOException {
    Path expected = BROKEN.resolve(name).resolve("EXPECTED_FAILURE");
    assertTrue(Files.isRegularFile(expected), "expected " + expected);
    List<String> lines = Files.readAllLines(expected);
    assertTrue(
        lines.size() >= 2 && CHECKERS.contains(lines.get(0)),
        expected + ": expected a first line naming one of " + CHECKERS
            + " and a second saying the bug, got " + lines);
    assertTrue(lines.get(1).endsWith("."), expected + ": the bug in one sentence: " + lines.get(1));
  }

  @ParameterizedTest
  @MethodSource("variants")
  void replacesExactlyOneReferenceModuleThroughAScopedImportMap(String name) throws IOException {
    Path folder = BROKEN.resolve(name);
    List<String> modules;
    try (Stream<Path> files = Files.list(folder)) {
      modules =
          files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".js")).toList();
    }
    assertEquals(1, modules.size(), name + ": expected one module, got " + modules);
    String module = modules.get(0);
    assertTrue(
        Files.isRegularFile(REFERENCE.resolve(module)),
        name + ": " + module + " replaces no module of the reference");
    String html = Files.readString(folder.resolve("index.html"));
    assertTrue(
        html.contains(
            "{\"scopes\": {\"/.weir/reference/\": {\"/.weir/reference/" + module + "\": \"./"
                + module + "\"}}}"),
        name + ": expected an import map scoped to /.weir/reference/ that maps " + module);
    assertTrue(
        html.contains("<script type=\"module\" src=\"/.weir/reference/main.js\"></script>"),
        name + ": expected the page to load the reference's main.js");
    String source = Files.readString(folder.resolve(module));
    assertTrue(
        source.contains("from '/.weir/reference/" + module + "'"),
        name + ": expected " + module + " to build on the reference's, not copy it");
    assertTrue(
        source.contains("window.weirVariant = '" + name + "';"),
        name + ": expected " + module + " to set window.weirVariant");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void startsInChromiumWithItsBrokenModuleInEffect(String name) {
    // No stream is offered: the page keeps retrying, which is a start, not a failure.
    URI page = served.resolve(name + "/index.html?transport=channel&stream=nothing-offered");
    try (Page tab = BrowserRuntime.shared().open(page)) {
      TestPage.soon()
          .until(
              () ->
                  "true"
                      .equals(
                          tab.evaluate(
                              "window.reference !== undefined"
                                  + " && document.getElementById('status').dataset.state !== 'idle'",
                              TestPage.WAIT)));
      assertEquals("\"" + name + "\"", tab.evaluate("window.weirVariant", TestPage.WAIT));
      String state = tab.evaluate("document.getElementById('status').dataset.state", TestPage.WAIT);
      assertNotEquals(
          "\"failed\"",
          state,
          tab.evaluate("document.getElementById('status').textContent", TestPage.WAIT));
      assertFalse(tab.failure().isPresent(), () -> name + ": " + tab.failure().get());
    }
  }
}

package dev.weir.harness.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.TestPage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference frontend's modules (ring, reorder, backoff, reconnect, consumer, config and the
 * page's wiring) under their own in-page tests, run in real Chromium: {@code test/test.html} in
 * {@code fixtures/frontend/reference}. The modules take clock, random source and weir injected,
 * so those tests run on fakes and never wait on time; this class only loads the page and reads
 * the verdict.
 */
class ReferenceModulesTest {

  /** How many in-page tests there are: a test module that fails to register its tests shows. */
  private static final int EXPECTED_TESTS = 46;

  private static URI tests;

  @BeforeAll
  static void serveTheReferenceFrontend() {
    Path folder = Path.of("..", "fixtures", "frontend", "reference").toAbsolutePath().normalize();
    assertTrue(
        Files.isRegularFile(folder.resolve("test/test.html")),
        "expected the reference frontend's tests at "
            + folder.resolve("test/test.html")
            + " (this test runs from the harness module's folder, as Maven runs it)");
    tests = BrowserRuntime.shared().serve("reference", folder).resolve("test/test.html");
  }

  @Test
  void everyModuleTestPassesInChromium() {
    try (Page page = BrowserRuntime.shared().open(tests)) {
      TestPage.soon()
          .until(() -> "true".equals(page.evaluate("window.testsDone === true", TestPage.WAIT)));
      String results =
          page.evaluate(
              "({passed: testResults.passed, failed: testResults.failed,"
                  + " failures: testResults.failures.join('\\n\\n')})",
              TestPage.WAIT);
      long passed = JsonText.number(results, "passed");
      long failed = JsonText.number(results, "failed");
      assertEquals(
          0,
          failed,
          failed
              + " of the reference frontend's tests failed:\n\n"
              + JsonText.string(results, "failures"));
      assertEquals(EXPECTED_TESTS, passed, "in-page tests passed (none failed)");
    }
  }
}

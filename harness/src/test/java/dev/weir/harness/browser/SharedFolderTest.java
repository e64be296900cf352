package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BrowserRuntime#serveShared}: a folder served at {@code /.weir/<name>/} on every host, so
 * pages in other folders import its modules same-origin; nothing outside it is reachable; and an
 * import map scoped to it redirects only the shared modules' own imports (what the broken
 * variants of the reference frontend are built on).
 */
class SharedFolderTest {

  @TempDir static Path sandbox;
  private static URI app;

  @BeforeAll
  static void shareALibraryNextToASecret() throws IOException {
    Path library = Files.createDirectories(sandbox.resolve("library"));
    Files.writeString(sandbox.resolve("secret.js"), "export const secret = 'top secret';");
    Files.writeString(
        library.resolve("part.js"), "export const part = () => 'the library\\'s part';");
    Files.writeString(
        library.resolve("whole.js"),
        "import { part } from './part.js';\nexport const whole = () => 'whole with ' + part();");
    Path page = Files.createDirectories(sandbox.resolve("page"));
    Files.writeString(page.resolve("index.html"), "<!doctype html><title>plain</title>");
    Files.writeString(
        page.resolve("scoped.html"),
        """
        <!doctype html><title>scoped</title>
        <script type="importmap">
          {"scopes": {"/.weir/library/": {"/.weir/library/part.js": "./part.js"}}}
        </script>
        <script type="module">
          import { whole } from '/.weir/library/whole.js';
          import { part } from '/.weir/library/part.js';
          window.result = [whole(), part()];
        </script>
        """);
    // The page's own part wraps the library's: its import is outside the scope, so not remapped.
    Files.writeString(
        page.resolve("part.js"),
        "import { part as theirs } from '/.weir/library/part.js';\n"
            + "export const part = () => 'the page\\'s part around ' + theirs();");
    BrowserRuntime runtime = BrowserRuntime.shared();
    assertEquals("/.weir/library/", runtime.serveShared("library", library));
    app = runtime.serve("shared-app", page);
  }

  @Test
  void aPageImportsASharedModuleFromItsOwnOrigin() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      assertEquals(
          "\"whole with the library's part\"",
          page.evaluate(
              "import(new URL('/.weir/library/whole.js', location.href)).then(m => m.whole())",
              TestPage.WAIT));
      assertEquals(
          "[200,\"text/javascript\"]",
          page.evaluate(
              "fetch('/.weir/library/part.js').then(r => [r.status, r.headers.get('content-type')])",
              TestPage.WAIT));
    }
  }

  @Test
  void nothingOutsideTheSharedFolderIsReachable() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      String fetchStatusAndBody =
          "fetch(%s).then(async r => [r.status, await r.text()], e => ['failed', String(e)])";
      for (String url :
          List.of(
              "'/.weir/library/%2e%2e/secret.js'",
              "'/.weir/library/../secret.js'",
              "'/.weir/library/..%2fsecret.js'",
              "'/.weir/library//etc/passwd'",
              "'/.weir/library/missing.js'",
              "'/.weir/other/part.js'")) {
        String reply = page.evaluate(String.format(fetchStatusAndBody, url), TestPage.WAIT);
        assertFalse(reply.contains("top secret"), url + " leaked " + reply);
        assertTrue(reply.matches("\\[40[034],\".+\"]"), url + " gave " + reply);
      }
    }
  }

  @Test
  void aScopedImportMapRedirectsOnlyTheSharedModulesImports() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("scoped.html"))) {
      TestPage.soon()
          .until(() -> !"null".equals(page.evaluate("window.result ?? null", TestPage.WAIT)));
      assertEquals(
          "[\"whole with the page's part around the library's part\","
              + "\"the library's part\"]",
          page.evaluate("window.result", TestPage.WAIT));
    }
  }

  @Test
  void refusesANameThatIsNotAPathSegment() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BrowserRuntime.shared().serveShared("../up", sandbox));
    assertEquals(
        "Shared name '../up': expected lower-case letters, digits and '-'", e.getMessage());
  }
}

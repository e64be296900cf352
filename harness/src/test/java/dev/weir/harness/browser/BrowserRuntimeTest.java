package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives real JCEF under the display the runtime finds or starts itself. CEF can start only once
 * per JVM, so in-process tests share the runtime and never close it; closing is tested in child
 * JVMs by {@link ProcessCleanupTest}. With no display and no Xvfb these tests fail; they never
 * skip.
 */
class BrowserRuntimeTest {

  private static final Duration EVALUATION = Duration.ofSeconds(10);

  @TempDir static Path sandbox;
  private static URI app;

  @BeforeAll
  static void serveAPageNextToASecret() throws IOException {
    Path root = Files.createDirectories(sandbox.resolve("root"));
    Files.writeString(sandbox.resolve("secret"), "top secret");
    Files.writeString(
        root.resolve("index.html"), "<!doctype html><title>weir test page</title><p>hello</p>");
    Files.writeString(root.resolve("app.js"), "export const x = 1;");
    Files.writeString(root.resolve("data.json"), "{}");
    Files.writeString(root.resolve("style.css"), "p {}");
    app = BrowserRuntime.shared().serve("app", root);
  }

  @Test
  void runsHeadlessWithoutOpenGl() {
    assertTrue(GraphicsEnvironment.isHeadless());
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.jogamp.opengl.GLProfile"));
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      assertEquals("\"weir test page\"", page.evaluate("document.title", EVALUATION));
    }
  }

  @Test
  void servesFilesWithTheContentTypeOfTheirExtension() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      assertEquals(
          "[\"text/javascript\",\"application/json\",\"text/css\",\"text/html\"]",
          page.evaluate(
              "Promise.all(['app.js', 'data.json', 'style.css', 'index.html']"
                  + ".map(f => fetch(f).then(r => r.headers.get('content-type'))))",
              EVALUATION));
    }
  }

  @Test
  void evaluatesExpressionsInALoadedPage() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      assertEquals("2", page.evaluate("1+1", EVALUATION));
      assertEquals("\"weir test page\"", page.evaluate("document.title", EVALUATION));
      assertEquals("null", page.evaluate("undefined", EVALUATION));
      assertEquals("[1,\"a\"]", page.evaluate("Promise.resolve([1, 'a'])", EVALUATION));
    }
  }

  @Test
  void reportsAJavaScriptExceptionWithItsMessage() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> page.evaluate("(() => { throw new Error('boom'); })()", EVALUATION));
      assertTrue(
          e.getMessage().startsWith("JavaScript threw: Error: boom"), e.getMessage());
    }
  }

  @Test
  void refusesToLoadAMissingPage() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> BrowserRuntime.shared().open(app.resolve("missing.html")));
    assertEquals("Page weir://app/missing.html answered HTTP 404", e.getMessage());
  }

  @Test
  void pageScriptsCannotFetchOutsideTheRoot() {
    try (Page page = BrowserRuntime.shared().open(app.resolve("index.html"))) {
      String fetchStatusAndBody =
          "fetch(%s).then(async r => [r.status, await r.text()], e => ['failed', String(e)])";
      for (String url : List.of("'weir://app/../secret'", "'../secret'", "'%2e%2e/secret'")) {
        String reply = page.evaluate(String.format(fetchStatusAndBody, url), EVALUATION);
        assertFalse(reply.contains("top secret"), url + " leaked " + reply);
        assertTrue(reply.startsWith("[404,") || reply.startsWith("[403,"), url + " gave " + reply);
      }
    }
  }
}

package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.PageResolver.Refused;
import dev.weir.harness.browser.PageResolver.Served;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageResolverTest {

  private static final String APP = "weir://app/";
  private static final String SHARED = "weir://app/.weir/shared/";

  @TempDir Path sandbox;
  private Path root;
  private PageResolver resolver;

  @BeforeEach
  void createRootNextToASecret() throws IOException {
    root = Files.createDirectories(sandbox.resolve("root"));
    Files.writeString(sandbox.resolve("secret"), "top secret");
    Files.writeString(root.resolve("index.html"), "<title>t</title>");
    Files.createDirectories(root.resolve("js"));
    Files.writeString(root.resolve("js/app.mjs"), "export {}");
    resolver = new PageResolver(root);
  }

  @Test
  void servesAFileUnderTheRootIgnoringQueryAndFragment() throws IOException {
    assertEquals(
        new Served(root.resolve("js/app.mjs").toRealPath(), "text/javascript"),
        resolver.resolve(APP, "weir://app/js/app.mjs?v=2#top"));
  }

  @Test
  void servesIndexHtmlForAFolder() throws IOException {
    assertEquals(
        new Served(root.resolve("index.html").toRealPath(), "text/html"),
        resolver.resolve(APP, "weir://app/"));
  }

  @Test
  void decodesPercentEscapesInFileNames() throws IOException {
    Files.writeString(root.resolve("a b.txt"), "x");
    assertEquals(
        new Served(root.resolve("a b.txt").toRealPath(), "text/plain"),
        resolver.resolve(APP, "weir://app/a%20b.txt"));
  }

  @Test
  void refusesDotDot() {
    assertEquals(
        new Refused(403, "Path traversal ('..') refused: weir://app/../secret"),
        resolver.resolve(APP, "weir://app/../secret"));
  }

  @Test
  void refusesDotDotInTheMiddle() {
    assertEquals(
        new Refused(403, "Path traversal ('..') refused: weir://app/js/../../secret"),
        resolver.resolve(APP, "weir://app/js/../../secret"));
  }

  @Test
  void refusesPercentEncodedDotDot() {
    assertEquals(
        new Refused(403, "Path traversal ('..') refused: weir://app/%2e%2E/secret"),
        resolver.resolve(APP, "weir://app/%2e%2E/secret"));
  }

  @Test
  void refusesAnAbsolutePath() {
    assertEquals(
        new Refused(403, "Absolute path refused: weir://app//etc/passwd"),
        resolver.resolve(APP, "weir://app//etc/passwd"));
  }

  @Test
  void refusesAPercentEncodedAbsolutePath() {
    assertEquals(
        new Refused(403, "Absolute path refused: weir://app/%2Fetc/passwd"),
        resolver.resolve(APP, "weir://app/%2Fetc/passwd"));
  }

  @Test
  void refusesASymlinkLeadingOutsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("leak.txt"), sandbox.resolve("secret"));
    assertEquals(
        new Refused(403, "Symbolic link leads outside the page root: weir://app/leak.txt"),
        resolver.resolve(APP, "weir://app/leak.txt"));
  }

  @Test
  void followsASymlinkThatStaysInsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("alias.html"), root.resolve("index.html"));
    assertEquals(
        new Served(root.resolve("index.html").toRealPath(), "text/html"),
        resolver.resolve(APP, "weir://app/alias.html"));
  }

  @Test
  void refusesAMissingFile() {
    assertEquals(
        new Refused(404, "No such file: weir://app/nope.js"),
        resolver.resolve(APP, "weir://app/nope.js"));
  }

  @Test
  void refusesAFolderWithoutIndex() {
    assertEquals(
        new Refused(404, "No such file: weir://app/js"), resolver.resolve(APP, "weir://app/js"));
  }

  @Test
  void refusesMalformedPercentEncoding() {
    assertEquals(
        new Refused(400, "Malformed percent-encoding or UTF-8 in the path of weir://app/%zz"),
        resolver.resolve(APP, "weir://app/%zz"));
  }

  @Test
  void refusesABackslash() {
    assertEquals(
        new Refused(400, "NUL or backslash in the path of weir://app/..%5Csecret"),
        resolver.resolve(APP, "weir://app/..%5Csecret"));
  }

  @Test
  void refusesAnotherHost() {
    assertEquals(
        new Refused(400, "Not a weir://app/ URL: weir://other/index.html"),
        resolver.resolve(APP, "weir://other/index.html"));
  }

  @Test
  void servesUnderABaseWithAPathAndRefusesEscapesFromIt() throws IOException {
    assertEquals(
        new Served(root.resolve("js/app.mjs").toRealPath(), "text/javascript"),
        resolver.resolve(SHARED, "weir://app/.weir/shared/js/app.mjs"));
    assertEquals(
        new Refused(403, "Path traversal ('..') refused: weir://app/.weir/shared/%2e%2e/secret"),
        resolver.resolve(SHARED, "weir://app/.weir/shared/%2e%2e/secret"));
    assertEquals(
        new Refused(400, "Not a weir://app/.weir/shared/ URL: weir://app/js/app.mjs"),
        resolver.resolve(SHARED, "weir://app/js/app.mjs"));
  }

  @ParameterizedTest
  @CsvSource({
    "index.html, text/html",
    "app.js, text/javascript",
    "app.mjs, text/javascript",
    "style.CSS, text/css",
    "data.json, application/json",
    "m.wasm, application/wasm",
    "i.png, image/png",
    "i.svg, image/svg+xml",
    "notes.txt, text/plain",
    "blob.bin, application/octet-stream",
    "Makefile, application/octet-stream"
  })
  void contentTypeFollowsTheExtension(String fileName, String contentType) {
    assertEquals(contentType, PageResolver.contentType(fileName));
  }
}

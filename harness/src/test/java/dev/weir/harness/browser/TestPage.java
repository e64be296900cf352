package dev.weir.harness.browser;

import dev.weir.harness.transport.Transports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh page for every test, loaded by the shared runtime from a temporary folder holding one
 * {@code index.html}: the fixture in-process browser tests share. Register it as a static field
 * with {@code @RegisterExtension}.
 */
public final class TestPage
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  /** How long {@link #eval} waits. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private final String host;
  private final String html;
  private final boolean transports;
  private Path root;
  private URI index;
  private Page page;

  private TestPage(String host, String html, boolean transports) {
    this.host = host;
    this.html = html;
    this.transports = transports;
  }

  /** Serves {@code html} as {@code weir://host/index.html}. */
  public static TestPage of(String host, String html) {
    return new TestPage(host, html, false);
  }

  /** A blank page with the transports' JS halves installed. */
  public static TestPage withTransports(String host) {
    return new TestPage(host, "<!doctype html><title>" + host + "</title>", true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    root = Files.createTempDirectory("weir-test-page-");
    Files.writeString(root.resolve("index.html"), html);
    BrowserRuntime runtime = BrowserRuntime.shared();
    if (transports) {
      Transports.install(runtime);
    }
    index = runtime.serve(host, root).resolve("index.html");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    page = BrowserRuntime.shared().open(index);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    page.close();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    Files.deleteIfExists(root.resolve("index.html"));
    Files.deleteIfExists(root);
  }

  /** This test's page. */
  public Page page() {
    return page;
  }

  /** Closes this test's page and opens another at the same URL. */
  public Page reopen() {
    page.close();
    page = BrowserRuntime.shared().open(index);
    return page;
  }

  public URI index() {
    return index;
  }

  /**
   * Awaitility waiting up to {@link #WAIT}, polling every 5 ms from the start: the default 100 ms
   * would dominate tests that wait on a page many times.
   */
  public static ConditionFactory soon() {
    return Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
  }

  /** {@link Page#evaluate} with {@link #WAIT}. */
  public String eval(String expression) {
    return page.evaluate(expression, WAIT);
  }
}

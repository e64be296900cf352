package dev.weir.harness.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that crashes or hangs fails clearly, gives its processes back, and the next page works. */
class PageFailureTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path root;
  private static URI index;

  @BeforeAll
  static void servePage() throws IOException {
    Files.writeString(root.resolve("index.html"), "<!doctype html><title>victim</title>");
    index = BrowserRuntime.shared().serve("failure", root).resolve("index.html");
  }

  /**
   * A backend thread sending scripts while the page closes (a producer racing a page close) must
   * find the page closed, not crash the JVM in CEF's freed native browser, as it once did.
   */
  @Test
  void scriptsSentWhileThePageClosesFindItClosed() throws InterruptedException {
    for (int round = 0; round < 20; round++) {
      Page page = BrowserRuntime.shared().open(index);
      page.evaluate("1", WAIT);
      AtomicReference<RuntimeException> stopped = new AtomicReference<>();
      Thread sender = new Thread(() -> {
        try {
          while (true) {
            page.execute("window.x = (window.x || 0) + 1;");
          }
        } catch (RuntimeException e) {
          stopped.set(e);
        }
      });
      sender.start();
      page.close();
      sender.join(WAIT.toMillis());
      assertEquals("The page " + index + " is closed", stopped.get().getMessage());
    }
    assertTheRuntimeServesTheNextPage();
  }

  @Test
  void killingTheRenderersFailsThePageNamingTheCrash() {
    Page page = BrowserRuntime.shared().open(index);
    try {
      // Chromium keeps a spare renderer for the next page, so which one is this page's cannot be
      // told from outside: kill them all, which the runtime must survive too.
      List<ProcessHandle> renderers = renderers();
      assertTrue(!renderers.isEmpty(), "no renderer process under this JVM");
      renderers.forEach(ProcessHandle::destroyForcibly);

      await().atMost(WAIT).until(() -> page.failure().isPresent());
      PageFailedException failure = page.failure().orElseThrow();
      assertEquals(PageFailedException.Kind.CRASHED, failure.kind());
      assertTrue(
          failure.getMessage().startsWith("The renderer process of " + index + " ended: "),
          failure.getMessage());
      PageFailedException later =
          assertThrows(PageFailedException.class, () -> page.evaluate("1", WAIT));
      assertEquals(failure, later);
    } finally {
      page.close();
    }
    assertTheRuntimeServesTheNextPage();
  }

  @Test
  void aCrashFromInsideTheRendererFailsThePageAndWakesItsWaiters() {
    Page page = BrowserRuntime.shared().open(index);
    try {
      page.devTools().call("Page.crash", "{}");
      await().atMost(WAIT).until(() -> page.failure().isPresent());
      assertEquals(PageFailedException.Kind.CRASHED, page.failure().get().kind());
      assertThrows(PageFailedException.class, () -> page.counters(WAIT));
    } finally {
      page.close();
    }
    assertTheRuntimeServesTheNextPage();
  }

  @Test
  void anEndlessLoopIsCaughtByTheWatchdogAndItsRendererEnds() {
    Page page = BrowserRuntime.shared().open(index, Duration.ofSeconds(1));
    try {
      page.evaluate("(setTimeout(() => { for (;;) {} }, 0), true)", WAIT);
      PageFailedException failure =
          assertThrows(PageFailedException.class, () -> page.evaluate("1", WAIT));
      assertEquals(failure, page.failure().orElseThrow());
      assertEquals(PageFailedException.Kind.HUNG, failure.kind());
      assertEquals(
          "The page " + index + " did not answer the watchdog within 1000 ms: its script is busy"
              + " without end, such as in an endless loop",
          failure.getMessage());
      // The spinning renderer is the only one burning CPU; it must end when the page closes.
      List<ProcessHandle> spinning = busyRenderers();
      assertEquals(1, spinning.size(), "renderers burning CPU: " + spinning);
      page.close();
      await().atMost(WAIT).until(() -> !spinning.get(0).isAlive());
    } finally {
      page.close();
    }
    assertTheRuntimeServesTheNextPage();
  }

  private static void assertTheRuntimeServesTheNextPage() {
    try (Page next = BrowserRuntime.shared().open(index)) {
      assertEquals("\"victim\"", next.evaluate("document.title", WAIT));
    }
  }

  /** The renderers that go on to use a whole second of CPU, waiting until at least one has. */
  private static List<ProcessHandle> busyRenderers() {
    Map<ProcessHandle, Duration> start = new HashMap<>();
    renderers().forEach(p -> start.put(p, cpu(p)));
    Predicate<ProcessHandle> busy = p -> cpu(p).minus(start.get(p)).toMillis() >= 1000;
    await().atMost(WAIT).until(() -> start.keySet().stream().anyMatch(busy));
    return start.keySet().stream().filter(busy).toList();
  }

  private static Duration cpu(ProcessHandle p) {
    return p.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** CEF's renderer processes under this JVM. */
  private static List<ProcessHandle> renderers() {
    return ProcessHandle.current()
        .descendants()
        .filter(
            p -> Processes.commandLine(p.pid()).contains(" --type=renderer "))
        .toList();
  }
}

package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's own lateness is measured, not blamed: a correct backoff on a renderer whose main
 * thread is busy most of the time waits the right time and its timers fire late, and it passes;
 * an uncapped backoff on the same busy renderer still fails, by more than the lag. Real Chromium,
 * the reference frontend (and its broken variant) with a script that keeps the page's event loop
 * busy 120 ms of every 150: a renderer starved as on a loaded 2-core machine, or an app doing heavy
 * work on its main thread.
 *
 * <p>Ledger: reconnect timing on the reference's code paths failed at load 9 to 11 ("above-cap:
 * it came after 200.36 ms", "too-late: attempt 2 came after 189.5 ms, 149.5 ms late"), and with a
 * Web Worker keeping a core busy: the browser ran the correct timer late, and weir blamed the
 * frontend.
 */
class BusyRendererTest {

  private static final String BUSY = "<script>setInterval(() => {"
      + " const end = performance.now() + 120; while (performance.now() < end) {} }, 150);</script>";

  @TempDir Path dir;

  @Test
  void aCorrectBackoffOnABusyRendererPassesWithTheHeldTimeAllowed() throws IOException {
    Conformance conformance = new Conformance(BrowserRuntime.shared(), busy("busy-reference", ""));
    for (ReconnectCase c : ReconnectCase.ALL) {
      Verdict reconnect = conformance.run(c, "websocket").verdicts().get(0);
      assertEquals(Status.OK, reconnect.status(), c.id() + ": " + reconnect.summary());
      System.out.println("busy renderer, " + c.id() + ": worst retry "
          + reconnect.count("worst-late-ns") / 1e6 + " ms past its envelope's top");
    }
  }

  @Test
  void anUncappedBackoffOnTheSameBusyRendererStillFails() throws IOException {
    BrowserRuntime.shared().serveShared("broken",
        Frontend.bundled(Path.of("fixtures", "frontend", "broken")));
    Frontend uncapped = busy("busy-backoff-no-cap", "<script type=\"importmap\">{\"scopes\":"
        + " {\"/.weir/reference/\": {\"/.weir/reference/backoff.js\":"
        + " \"/.weir/broken/backoff-no-cap/backoff.js\"}}}</script>");
    ReconnectCase cap = ReconnectCase.ALL.get(0);
    Verdict reconnect = new Conformance(BrowserRuntime.shared(), uncapped).run(cap, "websocket")
        .verdicts().get(0);
    assertEquals(Status.FAILED, reconnect.status(), reconnect.summary());
    assertEquals("above-cap", reconnect.firstViolation().orElseThrow().defect());
    assertTrue(reconnect.firstViolation().orElseThrow().actual()
        .contains("the page's event loop was held"), reconnect.summary());
  }

  /** The reference frontend, with {@code head} before it and its main thread kept busy. */
  private Frontend busy(String name, String head) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("index.html"), "<!doctype html><html><head>"
        + "<meta charset=\"utf-8\"><title>" + name + "</title>" + head + BUSY
        + "<script type=\"module\" src=\"/.weir/reference/main.js\"></script></head><body>"
        + "<p id=\"status\" role=\"status\" data-state=\"idle\">Starting…</p></body></html>");
    return new Frontend(folder);
  }
}

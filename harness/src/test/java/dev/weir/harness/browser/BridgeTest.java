package dev.weir.harness.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** window.weir against real Chromium: requests, pushes, reports, and what the page reports. */
class BridgeTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path root;
  private static URI index;
  private Page page;

  @BeforeAll
  static void servePage() throws IOException {
    Files.writeString(
        root.resolve("index.html"),
        "<!doctype html><title>bridge</title>"
            + "<script>\n"
            + "window.weirBeforePageScripts = typeof window.weir;\n"
            + "function explode() { throw new Error('kaboom'); }\n"
            + "function reject() { Promise.reject(new TypeError('nobody caught me')); }\n"
            + "function chat() { console.log('plain', 1); console.warn('careful'); console.error('bad'); }\n"
            + "</script>");
    index = BrowserRuntime.shared().serve("bridge", root).resolve("index.html");
  }

  @BeforeEach
  void open() {
    page = BrowserRuntime.shared().open(index);
  }

  @AfterEach
  void close() {
    page.close();
  }

  private String eval(String expression) {
    return page.evaluate(expression, WAIT);
  }

  @Test
  void weirExistsBeforeThePagesOwnScriptsAndCannotBeReplaced() {
    assertEquals("\"object\"", eval("window.weirBeforePageScripts"));
    assertEquals("true", eval("(() => { try { window.weir = {}; } catch (e) {} return Object.isFrozen(window.weir); })()"));
    assertEquals("[\"probe\",\"request\",\"on\",\"report\",\"flush\",\"transport\",\"subscribe\"]", eval("Object.keys(window.weir)"));
  }

  @Test
  void requestsCarryJsonBothWays() {
    page.bridge()
        .handle(
            "wrap",
            request ->
                CompletableFuture.completedFuture(
                    Payload.json("{\"got\":" + ((Payload.Json) request).text() + "}")));
    assertEquals("{\"got\":{\"a\":[1,\"é\",null]}}", eval("weir.request('wrap', {a: [1, 'é', null]})"));
  }

  @Test
  void requestsCarryBytesBothWaysAsArrayBuffers() {
    page.bridge()
        .handle(
            "reverse",
            request -> {
              byte[] in = ((Payload.Bytes) request).bytes();
              byte[] out = new byte[in.length];
              for (int i = 0; i < in.length; i++) {
                out[i] = in[in.length - 1 - i];
              }
              return CompletableFuture.completedFuture(Payload.bytes(out));
            });
    assertEquals(
        "[true,[255,0,3,2,1]]",
        eval(
            "weir.request('reverse', new Uint8Array([1, 2, 3, 0, 255]))"
                + ".then(b => [b instanceof ArrayBuffer, Array.from(new Uint8Array(b))])"));
  }

  @Test
  void aMissingOrFailingHandlerRejectsThePromiseWithTheReason() {
    page.bridge()
        .handle("broken", request -> CompletableFuture.failedFuture(new IllegalStateException("no disk")));
    String rejected = "weir.request(%s, 1).then(() => 'resolved', e => e.message)";
    assertEquals(
        "\"weir: no Java handler for request 'absent'\"", eval(String.format(rejected, "'absent'")));
    assertTrue(
        eval(String.format(rejected, "'broken'")).contains("request 'broken' failed")
            && eval(String.format(rejected, "'broken'")).contains("no disk"));
  }

  @Test
  void pushesFromManyThreadsArriveCompleteAndInOrderPerThread() throws Exception {
    eval("(window.got = [], weir.on('seq', m => window.got.push(m)), true)");
    int threads = 4;
    int each = 2_500;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> pushers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread pusher =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < each; i++) {
                  page.bridge().push("seq", Payload.json("[" + thread + "," + i + "]"));
                }
              });
      pusher.start();
      pushers.add(pusher);
    }
    start.countDown();
    for (Thread pusher : pushers) {
      pusher.join();
    }
    await().atMost(WAIT).until(() -> eval("window.got.length").equals(Integer.toString(threads * each)));
    String inOrder =
        "(() => { const next = [0, 0, 0, 0];"
            + " for (const [t, i] of window.got) { if (i !== next[t]++) return false; } return true; })()";
    assertEquals("true", eval(inOrder));
  }

  @Test
  void pushedBytesArriveAsArrayBuffersAndWaitForTheirFirstListener() {
    page.bridge().push("late", Payload.bytes(new byte[] {9, 8, 7}));
    page.bridge().push("late", Payload.json("\"second\""));
    eval("(window.late = [], weir.on('late', m => window.late.push(m instanceof ArrayBuffer ? Array.from(new Uint8Array(m)) : m)), true)");
    await().atMost(WAIT).until(() -> eval("window.late").equals("[[9,8,7],\"second\"]"));
  }

  @Test
  void reportsArriveInOrderInFewBatches() {
    List<String> received = new CopyOnWriteArrayList<>();
    Set<Long> batches = ConcurrentHashMap.newKeySet();
    // Only this test's kind: on a busy machine the bridge's lag monitor reports too, in batches of
    // its own. A batch's reports share one arrival time, so the distinct times count the batches.
    page.bridge().onReport((kind, json, arrivalNanos) -> {
      if (kind.equals("tick")) {
        received.add(kind + " " + json);
        batches.add(arrivalNanos);
      }
    });
    eval("(() => { for (let i = 0; i < 2000; i++) weir.report('tick', {i}); return weir.flush(); })()");
    assertEquals(2000, received.size());
    for (int i = 0; i < 2000; i++) {
      assertEquals("tick {\"i\":" + i + "}", received.get(i));
    }
    assertTrue(batches.size() <= 4, "2000 reports took " + batches.size() + " bridge calls");
  }

  @Test
  void consoleMessagesAreKeptWithLevelAndSource() {
    eval("(chat(), true)");
    // CEF reports console calls on its own schedule, after the evaluation may have answered.
    await().atMost(WAIT).until(() -> page.console().size() >= 3);
    List<ConsoleMessage> console = page.console();
    assertEquals(
        List.of("INFO plain 1", "WARNING careful", "ERROR bad"),
        console.stream().map(m -> m.level() + " " + m.message()).toList());
    assertEquals(index.toString(), console.get(0).source());
    assertEquals(5, console.get(0).line());
  }

  // The throwing code is the page's own: errors from other origins (and from evaluate, whose
  // scripts have none) reach the page only as the browser's muted "Script error.".
  @Test
  void anUncaughtExceptionFailsThePageWithItsStack() {
    eval("(setTimeout(explode, 0), true)");
    await().atMost(WAIT).until(() -> page.failure().isPresent());
    PageFailedException failure = page.failure().orElseThrow();
    assertEquals(PageFailedException.Kind.SCRIPT_ERROR, failure.kind());
    assertTrue(failure.getMessage().startsWith("Uncaught exception in " + index + ": Error: kaboom"), failure.getMessage());
    assertTrue(failure.getMessage().contains("at explode"), failure.getMessage());
  }

  @Test
  void anUnhandledRejectionFailsThePageWithItsStack() {
    eval("(setTimeout(reject, 0), true)");
    await().atMost(WAIT).until(() -> page.failure().isPresent());
    PageFailedException failure = page.failure().orElseThrow();
    assertEquals(PageFailedException.Kind.SCRIPT_ERROR, failure.kind());
    assertTrue(failure.getMessage().startsWith("Unhandled promise rejection in " + index + ": TypeError: nobody caught me"), failure.getMessage());
    assertTrue(failure.getMessage().contains("at reject"), failure.getMessage());
  }

  @Test
  void aHealthyPageHasNoFailure() {
    eval("Promise.reject(new Error('handled')).catch(() => 'fine')");
    assertEquals("2", eval("1 + 1"));
    assertTrue(page.failure().isEmpty(), () -> page.failure().get().getMessage());
  }

  @Test
  void countersSeeListenersAndHeapComeAndGo() {
    PageCounters baseline = page.counters(WAIT);
    eval("(window.handlers = Array.from({length: 1000}, () => () => {}),"
        + " window.handlers.forEach(h => document.body.addEventListener('click', h)),"
        + " window.hoard = Array.from({length: 200000}, (_, i) => ({i, s: 'x' + i})), true)");
    PageCounters loaded = page.counters(WAIT);
    assertTrue(loaded.jsEventListeners() >= baseline.jsEventListeners() + 1000, loaded + " vs " + baseline);
    assertTrue(loaded.jsHeapUsedBytes() >= baseline.jsHeapUsedBytes() + 5_000_000, loaded + " vs " + baseline);

    eval("(window.handlers.forEach(h => document.body.removeEventListener('click', h)),"
        + " delete window.handlers, delete window.hoard, true)");
    PageCounters released = page.counters(WAIT);
    assertEquals(baseline.jsEventListeners(), released.jsEventListeners(), released + " vs " + baseline);
    assertTrue(released.jsHeapUsedBytes() < baseline.jsHeapUsedBytes() + 1_000_000, released + " vs " + baseline);
  }
}

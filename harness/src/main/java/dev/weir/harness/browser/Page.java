package dev.weir.harness.browser;

import dev.weir.harness.browser.PageFailedException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.CefSettings.LogSeverity;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.browser.CefMessageRouter;
import org.cef.browser.HeadlessBrowser;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefDisplayHandlerAdapter;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.cef.handler.CefLoadHandler.ErrorCode;
import org.cef.handler.CefLoadHandlerAdapter;
import org.cef.handler.CefMessageRouterHandlerAdapter;
import org.cef.handler.CefRequestHandler.TerminationStatus;
import org.cef.handler.CefRequestHandlerAdapter;
import org.cef.network.CefRequest.TransitionType;

/**
 * One off-screen page; pages served by the runtime have {@code window.weir} before their own
 * scripts run (see {@link PageServer}).
 *
 * <p>A page watches itself: a crashed renderer, a page that stops answering (an endless loop), and
 * an uncaught script error each become a {@link PageFailedException}, reported through {@link
 * #failure()}, and crash or hang fail every call waiting on the page instead of leaving it
 * blocked.
 */
public final class Page implements AutoCloseable {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The page answers a ping with its clock's reading, so a ping is both the watchdog's question
   * and a sample of the page's clock taken both ways (see {@link PageClock}).
   */
  private static final String PING = "window.cefQuery({request: 'h%d ' + performance.timeOrigin"
      + " + ' ' + performance.now()})";
  /** Pings at open: the fastest round trip of these bounds the clock before anything else. */
  private static final int CALIBRATION_PINGS = 16;
  private static final Duration CALIBRATION_PING_TIMEOUT = Duration.ofSeconds(2);
  /** The watchdog pings at least this often, so the clock's bound keeps tightening. */
  private static final long MAX_PING_PERIOD_MS = 1_000;

  /**
   * A ping, numbered: an answer is matched to its own send time only, never to a later ping's
   * (a page time read before a send would put the page's clock past the truth).
   */
  private record Ping(long id, long sentNanos, CompletableFuture<Void> answered) {}

  /** Pings not answered for this long are given up, and the next one is sent. */
  private static final long PING_GIVEN_UP_NS = TimeUnit.SECONDS.toNanos(2);

  private final AtomicLong nextPing = new AtomicLong();

  private final String url;
  private final CefClient client;
  private final CefMessageRouter router;
  private final HeadlessBrowser browser;
  private final Bridge bridge = new Bridge();
  private final PageClock clock = new PageClock();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Map<Long, CompletableFuture<String>> evaluations = new ConcurrentHashMap<>();
  private final AtomicLong nextEvaluation = new AtomicLong();
  private final List<ConsoleMessage> console = new CopyOnWriteArrayList<>();
  private final AtomicReference<PageFailedException> failure = new AtomicReference<>();
  private final AtomicReference<PageFailedException> broken = new AtomicReference<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  /**
   * Scripts are started under the read lock and closing is begun under the write lock: CEF's native
   * browser is freed on close, and a script started on it from another thread (a producer sending
   * as the page closes) crashes the JVM, where it should only find the page closed.
   */
  private final ReadWriteLock scripts = new ReentrantReadWriteLock();
  /** The ping out, if any: one at a time, so an answer is matched to its send time. */
  private final AtomicReference<Ping> ping = new AtomicReference<>();
  private volatile long lastQueryNanos = System.nanoTime();
  /** Since when pings have gone unanswered, one replacing another; 0 when the last was answered. */
  private volatile long unansweredSince;
  private volatile DevTools devTools;
  private volatile ScheduledFuture<?> watchdog;

  private Page(CefApp app, String url) {
    this.url = url;
    client = app.createClient();
    router = CefMessageRouter.create();
    router.addHandler(new Queries(), true);
    client.addMessageRouter(router);
    client.addLifeSpanHandler(
        new CefLifeSpanHandlerAdapter() {
          @Override
          public void onBeforeClose(CefBrowser b) {
            closed.complete(null);
          }
        });
    client.addLoadHandler(new Loads());
    client.addDisplayHandler(
        new CefDisplayHandlerAdapter() {
          @Override
          public boolean onConsoleMessage(
              CefBrowser b, LogSeverity level, String message, String source, int line) {
            console.add(new ConsoleMessage(level.name().substring(12), message, source, line));
            return true; // handled: not repeated in CEF's log
          }
        });
    client.addRequestHandler(
        new CefRequestHandlerAdapter() {
          @Override
          public void onRenderProcessTerminated(
              CefBrowser b, TerminationStatus status, int code, String text) {
            fail(
                Kind.CRASHED,
                "The renderer process of " + Page.this.url + " ended: " + status + " (exit code "
                    + code + (text == null || text.isEmpty() ? "" : ", " + text) + ")");
          }
        });
    browser = new HeadlessBrowser(client, url);
  }

  static Page open(CefApp app, String url, Duration hangTimeout, ScheduledExecutorService timer) {
    Page page = CefThread.call(() -> new Page(app, url));
    try {
      CefThread.run(page.browser::createImmediately);
      Futures.await(page.loaded, STEP_TIMEOUT, "loading " + url);
      page.calibrate();
      page.watch(timer, hangTimeout);
      return page;
    } catch (RuntimeException e) {
      page.close();
      throw e;
    }
  }

  /** The page's clock on Java's, for the times its reports carry. */
  public PageClock clock() {
    return clock;
  }

  /** Java's half of the page's {@code window.weir}. */
  public Bridge bridge() {
    return bridge;
  }

  /** The page's DevTools protocol client, attached on first use. */
  public synchronized DevTools devTools() {
    throwIfBroken();
    if (devTools == null) {
      devTools = new DevTools(CefThread.call(browser::getDevToolsClient));
    }
    return devTools;
  }

  /**
   * Evaluates a JavaScript expression in the page, awaiting it if it is a promise.
   *
   * @return the result as JSON text ({@code JSON.stringify}); {@code null} for undefined
   * @throws IllegalStateException when the expression throws (with the JS stack) or does not
   *     settle within {@code timeout}
   * @throws PageFailedException when the page crashes or hangs meanwhile
   */
  public String evaluate(String expression, Duration timeout) {
    throwIfBroken();
    long id = nextEvaluation.incrementAndGet();
    CompletableFuture<String> result = new CompletableFuture<>();
    evaluations.put(id, result);
    String reply = "window.cefQuery({request: 'e" + id + "\\u0001";
    String script =
        "(async () => (\n"
            + expression
            + "\n))().then(v => { const j = JSON.stringify(v); "
            + reply
            + "k' + (j === undefined ? 'null' : j)}); }, e => "
            + reply
            + "x' + String(e && e.stack || e)}));";
    run(script, "weir-evaluate");
    throwIfBroken(); // it may have broken before the result was registered
    try {
      return Futures.await(result, timeout, "evaluating " + abbreviate(expression));
    } finally {
      evaluations.remove(id);
    }
  }

  /**
   * Runs {@code script} in the page without waiting or a result: how a backend delivers to a
   * webview by script evaluation (Tauri's events and small channel messages). In order per
   * calling thread.
   */
  public void execute(String script) {
    throwIfBroken();
    run(script, "weir-backend");
  }

  /** Starts {@code script} in the page, unless it is closing. */
  private void run(String script, String source) {
    Lock read = scripts.readLock();
    read.lock();
    try {
      if (closing.get()) {
        throw new IllegalStateException("The page " + url + " is closed");
      }
      browser.executeJavaScript(script, source, 1);
    } finally {
      read.unlock();
    }
  }

  /**
   * Counts what a leak check compares, after forcing a full garbage collection in the page.
   *
   * @throws PageFailedException when the page crashes or hangs meanwhile
   */
  public PageCounters counters(Duration timeout) {
    DevTools devTools = devTools();
    devTools.await("HeapProfiler.collectGarbage", "{}", timeout);
    String heap = devTools.await("Runtime.getHeapUsage", "{}", timeout);
    String dom = devTools.await("Memory.getDOMCounters", "{}", timeout);
    return new PageCounters(
        JsonText.number(heap, "usedSize"),
        JsonText.number(dom, "jsEventListeners"),
        JsonText.number(dom, "nodes"),
        JsonText.number(dom, "documents"));
  }

  /** The console messages so far, oldest first. */
  public List<ConsoleMessage> console() {
    return new ArrayList<>(console);
  }

  /** The first way this page failed, if it has. */
  public Optional<PageFailedException> failure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * Closes the browser and waits until CEF has released it. A crashed or hung page closes too: CEF
   * ends its renderer.
   */
  @Override
  public void close() {
    Lock write = scripts.writeLock();
    write.lock();
    try {
      if (!closing.compareAndSet(false, true)) {
        return;
      }
    } finally {
      write.unlock();
    }
    ScheduledFuture<?> watch = watchdog;
    if (watch != null) {
      watch.cancel(false);
    }
    try {
      CefThread.run(() -> browser.close(true));
      Futures.await(closed, CLOSE_TIMEOUT, "closing " + url);
    } finally {
      bridge.closed();
      IllegalStateException gone = new IllegalStateException("The page " + url + " is closed");
      evaluations.values().forEach(f -> f.completeExceptionally(gone));
      if (devTools != null) {
        devTools.fail(gone);
      }
      CefThread.run(
          () -> {
            client.removeMessageRouter(router);
            router.dispose();
            client.dispose();
          });
    }
  }

  /**
   * Pings the page every quarter of {@code hangTimeout} (at least every second); hung means no ping
   * answered and no other query from the page for that long. A ping unanswered for 2 s is given up
   * and another sent (a navigation may have taken it); the hang is timed from the first of them.
   */
  private void watch(ScheduledExecutorService timer, Duration hangTimeout) {
    long limit = hangTimeout.toNanos();
    long period = Math.max(10, Math.min(MAX_PING_PERIOD_MS, hangTimeout.toMillis() / 4));
    watchdog =
        timer.scheduleAtFixedRate(
            () -> {
              Ping out = ping.get();
              long now = System.nanoTime();
              if (out == null) {
                ping();
              } else if (now - unansweredSince > limit && now - lastQueryNanos > limit) {
                fail(
                    Kind.HUNG,
                    "The page "
                        + url
                        + " did not answer the watchdog within "
                        + hangTimeout.toMillis()
                        + " ms: its script is busy without end, such as in an endless loop");
              } else if (now - out.sentNanos() > PING_GIVEN_UP_NS && ping.compareAndSet(out, null)) {
                ping(); // one lost (a navigation took it): another, its answer matched to it alone
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  /**
   * Pings the page, unless a ping is out already: the future completes when the ping out is
   * answered.
   */
  private CompletableFuture<Void> ping() {
    Ping fresh = new Ping(nextPing.incrementAndGet(), System.nanoTime(), new CompletableFuture<>());
    Ping out = ping.compareAndExchange(null, fresh);
    if (out != null) {
      return out.answered();
    }
    if (unansweredSince == 0) {
      unansweredSince = fresh.sentNanos();
    }
    try {
      run(String.format(Locale.ROOT, PING, fresh.id()), "weir-ping");
    } catch (IllegalStateException closed) {
      ping.compareAndSet(fresh, null);
      fresh.answered().completeExceptionally(closed);
    }
    return fresh.answered();
  }

  /**
   * A few pings in a row, each answered before the next: a page's clock is bounded before anything
   * is timed by it. A ping lost (a busy start) is given up and the next one sent.
   */
  private void calibrate() {
    for (int i = 0; i < CALIBRATION_PINGS; i++) {
      CompletableFuture<Void> answered = ping();
      try {
        answered.get(CALIBRATION_PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException lost) {
        ping.set(null); // its answer, should it come, matches no ping
      } catch (ExecutionException closed) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The answer to a ping: {@code id SP origin SP now}, the page's clock when it answered. */
  private void pinged(String reading, long arrivalNanos) {
    String[] parts = reading.split(" ");
    Ping out = ping.get();
    if (parts.length != 3 || out == null || out.id() != Long.parseLong(parts[0])
        || !ping.compareAndSet(out, null)) {
      return; // an answer to a ping given up
    }
    unansweredSince = 0;
    clock.pinged(out.sentNanos(), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
        arrivalNanos);
    out.answered().complete(null);
  }

  private void fail(Kind kind, String message) {
    PageFailedException e = new PageFailedException(kind, message);
    failure.compareAndSet(null, e); // before waking waiters, who may look at it
    if (kind.isFatal() && broken.compareAndSet(null, e)) {
      ScheduledFuture<?> watch = watchdog;
      if (watch != null) {
        watch.cancel(false);
      }
      evaluations.values().forEach(f -> f.completeExceptionally(e));
      loaded.completeExceptionally(e);
      if (devTools != null) {
        devTools.fail(e);
      }
    }
  }

  private static String abbreviate(String expression) {
    String line = expression.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }

  private void throwIfBroken() {
    PageFailedException e = broken.get();
    if (e != null) {
      throw e;
    }
  }

  /** The page's queries, by first character: see {@code bridge.js}. */
  private final class Queries extends CefMessageRouterHandlerAdapter {
    @Override
    public boolean onQuery(
        CefBrowser b,
        CefFrame frame,
        long queryId,
        String request,
        boolean persistent,
        CefQueryCallback callback) {
      if (request.isEmpty()) {
        return false;
      }
      // Read once, first: when a report or a ping's answer arrived, as the page's clock is placed.
      long arrivalNanos = System.nanoTime();
      lastQueryNanos = arrivalNanos; // any query shows the page's script is moving
      String rest = request.substring(1);
      switch (request.charAt(0)) {
        case 'p' -> bridge.pushes().poll(queryId, callback);
        case 'r' -> bridge.request(rest, callback);
        case 'x' -> {
          bridge.reports(rest, arrivalNanos);
          callback.success("");
        }
        case 'e' -> {
          evaluated(rest);
          callback.success("");
        }
        case 'h' -> {
          pinged(rest, arrivalNanos);
          callback.success("");
        }
        case 'f' -> {
          int part = rest.indexOf(PushQueue.PART);
          String what =
              rest.startsWith("unhandledrejection")
                  ? "Unhandled promise rejection"
                  : rest.startsWith("listener") ? "A weir.on listener threw" : "Uncaught exception";
          fail(Kind.SCRIPT_ERROR, what + " in " + url + ": " + rest.substring(part + 1));
          callback.success("");
        }
        default -> {
          return false;
        }
      }
      return true;
    }

    @Override
    public void onQueryCanceled(CefBrowser b, CefFrame frame, long queryId) {
      bridge.pushes().cancelled(queryId);
    }

    /** {@code id PART k json} or {@code id PART x error}. */
    private void evaluated(String reply) {
      int part = reply.indexOf(PushQueue.PART);
      CompletableFuture<String> result = evaluations.get(Long.parseLong(reply.substring(0, part)));
      if (result == null) {
        return; // the caller stopped waiting
      }
      String value = reply.substring(part + 2);
      if (reply.charAt(part + 1) == 'k') {
        result.complete(value);
      } else {
        result.completeExceptionally(new IllegalStateException("JavaScript threw: " + value));
      }
    }
  }

  /**
   * Completes {@link #loaded} for the main frame of the page's own navigation, and tells the bridge
   * when a later one replaces the document.
   */
  private final class Loads extends CefLoadHandlerAdapter {
    @Override
    public void onLoadStart(CefBrowser b, CefFrame frame, TransitionType transitionType) {
      if (frame.isMain() && loaded.isDone()) {
        bridge.newDocument();
      }
    }

    @Override
    public void onLoadEnd(CefBrowser b, CefFrame frame, int httpStatusCode) {
      if (!frame.isMain()) {
        return;
      }
      if (httpStatusCode >= 400) {
        loaded.completeExceptionally(
            new IllegalStateException("Page " + url + " answered HTTP " + httpStatusCode));
      } else {
        loaded.complete(null);
      }
    }

    @Override
    public void onLoadError(
        CefBrowser b, CefFrame frame, ErrorCode code, String text, String failedUrl) {
      if (frame.isMain()) {
        loaded.completeExceptionally(
            new IllegalStateException("Page " + failedUrl + " failed to load: " + code + " " + text));
      }
    }
  }
}

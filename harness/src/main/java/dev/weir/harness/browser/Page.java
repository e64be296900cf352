package dev.weir.harness.browser;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.browser.CefMessageRouter;
import org.cef.browser.HeadlessBrowser;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.cef.handler.CefLoadHandler.ErrorCode;
import org.cef.handler.CefLoadHandlerAdapter;
import org.cef.handler.CefMessageRouterHandlerAdapter;

/**
 * One off-screen page: loaded on creation, then asked to evaluate JavaScript, then closed.
 *
 * <p>Java reaches the page with {@code executeJavaScript}; results come back through a CEF message
 * router query ({@code window.cefQuery}), the only JS→Java path JCEF offers.
 */
public final class Page implements AutoCloseable {

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final CefClient client;
  private final CefMessageRouter router;
  private final HeadlessBrowser browser;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Map<Long, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();

  private Page(CefApp app, String url, CompletableFuture<Void> loaded) {
    client = app.createClient();
    router = CefMessageRouter.create();
    router.addHandler(
        new CefMessageRouterHandlerAdapter() {
          @Override
          public boolean onQuery(
              CefBrowser b,
              CefFrame frame,
              long queryId,
              String request,
              boolean persistent,
              CefQueryCallback callback) {
            complete(request);
            callback.success("");
            return true;
          }
        },
        true);
    client.addMessageRouter(router);
    client.addLoadHandler(
        new CefLoadHandlerAdapter() {
          @Override
          public void onLoadEnd(CefBrowser b, CefFrame frame, int httpStatusCode) {
            if (!frame.isMain()) {
              return;
            }
            if (httpStatusCode >= 400) {
              loaded.completeExceptionally(
                  new IllegalStateException(
                      "Page " + url + " answered HTTP " + httpStatusCode));
            } else {
              loaded.complete(null);
            }
          }

          @Override
          public void onLoadError(
              CefBrowser b, CefFrame frame, ErrorCode code, String text, String failedUrl) {
            if (frame.isMain()) {
              loaded.completeExceptionally(
                  new IllegalStateException(
                      "Page " + failedUrl + " failed to load: " + code + " " + text));
            }
          }
        });
    client.addLifeSpanHandler(
        new CefLifeSpanHandlerAdapter() {
          @Override
          public void onBeforeClose(CefBrowser b) {
            closed.complete(null);
          }
        });
    browser = new HeadlessBrowser(client, url);
    browser.createImmediately();
  }

  static Page open(CefApp app, String url) {
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    Page page = new Page(app, url, loaded);
    try {
      await(loaded, LOAD_TIMEOUT, "loading " + url);
      return page;
    } catch (RuntimeException e) {
      page.close();
      throw e;
    }
  }

  /**
   * Evaluates a JavaScript expression in the page, awaiting it if it is a promise.
   *
   * @return the result as JSON text ({@code JSON.stringify}); {@code null} for undefined
   * @throws IllegalStateException when the expression throws (with the JS error message) or does
   *     not settle within {@code timeout}
   */
  public String evaluate(String expression, Duration timeout) {
    long id = nextId.incrementAndGet();
    CompletableFuture<String> result = new CompletableFuture<>();
    pending.put(id, result);
    String script =
        "(async () => (\n"
            + expression
            + "\n))().then("
            + "v => { const j = JSON.stringify(v); window.cefQuery({request: '"
            + id
            + " ok ' + (j === undefined ? 'null' : j)}); },"
            + " e => window.cefQuery({request: '"
            + id
            + " err ' + String(e && e.stack || e)}));";
    browser.executeJavaScript(script, "weir-evaluate", 1);
    try {
      return await(result, timeout, "evaluating " + expression);
    } finally {
      pending.remove(id);
    }
  }

  private void complete(String reply) {
    String[] parts = reply.split(" ", 3);
    CompletableFuture<String> result = pending.get(Long.parseLong(parts[0]));
    if (result == null) {
      return; // the caller timed out and stopped waiting
    }
    if (parts[1].equals("ok")) {
      result.complete(parts[2]);
    } else {
      result.completeExceptionally(new IllegalStateException("JavaScript threw: " + parts[2]));
    }
  }

  /** Closes the browser, waits until CEF has released it, then disposes its client. */
  @Override
  public void close() {
    browser.close(true);
    try {
      await(closed, CLOSE_TIMEOUT, "closing the page");
    } finally {
      client.removeMessageRouter(router);
      router.dispose();
      client.dispose();
    }
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while " + what, e);
    }
  }
}

package dev.weir.harness.browser;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cef.browser.CefDevToolsClient;

/**
 * A page's Chrome DevTools protocol client that loses no replies and never leaves a caller waiting
 * on a dead page.
 *
 * <p>JCEF's client registers a call's id only after sending it, so a fast reply can arrive first
 * and be lost; replies arrive on the AWT event thread, so calls are issued there too, which closes
 * that race. Calls pending when the page crashes or closes fail instead of waiting forever.
 */
public final class DevTools {

  private final CefDevToolsClient client;
  private final Set<CompletableFuture<String>> pending = ConcurrentHashMap.newKeySet();
  private volatile RuntimeException failure;

  DevTools(CefDevToolsClient client) {
    this.client = client;
  }

  /**
   * Calls a protocol method.
   *
   * @param params the parameters as a JSON object, such as {@code {}}
   * @return the result object as JSON text; fails with the protocol's error, or with the page's
   *     failure if it crashed or closed first
   */
  public CompletableFuture<String> call(String method, String params) {
    CompletableFuture<String> result = new CompletableFuture<>();
    pending.add(result);
    result.whenComplete((r, e) -> pending.remove(result));
    EventQueue.invokeLater(
        () -> {
          try {
            client
                .executeDevToolsMethod(method, params)
                .whenComplete(
                    (reply, error) -> {
                      if (error == null) {
                        result.complete(reply);
                      } else {
                        result.completeExceptionally(
                            new IllegalStateException(
                                "DevTools " + method + " failed: " + error.getMessage(), error));
                      }
                    });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    RuntimeException failed = failure;
    if (failed != null) {
      result.completeExceptionally(failed);
    }
    return result;
  }

  /** {@link #call} and wait; never from the AWT event thread, where the reply would be queued. */
  public String await(String method, String params, Duration timeout) {
    return Futures.await(call(method, params), timeout, "calling DevTools " + method);
  }

  /** Fails every pending and later call with {@code reason}. */
  void fail(RuntimeException reason) {
    failure = reason;
    pending.forEach(f -> f.completeExceptionally(reason));
  }
}

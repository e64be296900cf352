package dev.weir.harness.browser;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs code on CEF's UI thread, which in JCEF on Linux is the AWT event thread: JCEF pumps CEF's
 * message loop from a Swing timer there.
 *
 * <p>Creating and disposing clients, browsers and message routers touches state CEF changes on
 * that thread; done from another thread it races, and one such race crashed the JVM in
 * {@code ClientHandler::RemoveMessageRouter}.
 */
final class CefThread {

  private CefThread() {}

  /** Runs {@code action} on the CEF thread and waits for it. */
  static void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  /** Computes {@code action} on the CEF thread and waits for the result. */
  static <T> T call(Supplier<T> action) {
    if (EventQueue.isDispatchThread()) {
      return action.get();
    }
    AtomicReference<T> result = new AtomicReference<>();
    try {
      EventQueue.invokeAndWait(() -> result.set(action.get()));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for CEF's thread", e);
    }
    return result.get();
  }
}

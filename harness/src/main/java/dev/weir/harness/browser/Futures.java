package dev.weir.harness.browser;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on CEF's asynchronous answers with a bound, turning every outcome into one exception. */
final class Futures {

  private Futures() {}

  /**
   * The future's value, or its failure rethrown unwrapped when it is unchecked.
   *
   * @param what what is being waited for, for the message ("loading weir://app/")
   */
  static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while " + what, e);
    }
  }
}

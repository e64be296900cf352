package dev.weir.harness.browser;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Child-JVM main for {@link ProcessCleanupTest}: serves the folder of its second argument (which
 * holds an {@code index.html} titled "child"), then ends the way its first argument says. Prints
 * {@code CACHE <path>} first and {@code READY} once a page has answered.
 *
 * <ul>
 *   <li>{@code clean}: closes the page and the runtime, checks CEF cannot restart, returns
 *   <li>{@code fail}: a scenario throws inside try-with-resources on the runtime
 *   <li>{@code wait}: keeps the page open until a signal ends the JVM (or the test JVM dies)
 * </ul>
 */
final class RuntimeChild {

  private RuntimeChild() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]);
    BrowserRuntime runtime = BrowserRuntime.shared();
    System.out.println("CACHE " + runtime.cacheFolder());
    switch (args[0]) {
      case "clean" -> {
        try (runtime; Page page = runtime.open(runtime.serve("app", root).resolve("index.html"))) {
          answer(page);
        }
        try {
          BrowserRuntime.shared();
          throw new AssertionError("CEF started again after close");
        } catch (IllegalStateException expected) {
          System.out.println(expected.getMessage());
        }
      }
      case "fail" -> {
        try (runtime; Page page = runtime.open(runtime.serve("app", root).resolve("index.html"))) {
          answer(page);
          throw new IllegalStateException("scenario failed on purpose");
        }
      }
      case "wait" -> {
        Page page = runtime.open(runtime.serve("app", root).resolve("index.html"));
        answer(page);
        // Wait for a signal; if the test JVM dies first, its end of our stdin closes: exit too.
        while (System.in.read() >= 0) {
          // nothing is written to stdin; only its end matters
        }
        System.exit(3);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void answer(Page page) {
    if (!page.evaluate("document.title", Duration.ofSeconds(10)).equals("\"child\"")) {
      throw new AssertionError("wrong title");
    }
    System.out.println("READY");
    System.out.flush();
  }
}

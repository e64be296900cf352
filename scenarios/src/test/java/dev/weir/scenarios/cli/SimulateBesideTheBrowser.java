package dev.weir.scenarios.cli;

import static org.awaitility.Awaitility.await;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A test main for {@link SimulateCommandTest}: in a JVM of its own, starts Chromium first, waits
 * until the system's libzstd is mapped into the process (Chromium's libraries bring it), and only
 * then runs {@code weir simulate} for each example named, into {@code OUT_DIR/NAME.mcap}. A native
 * encoder bound after that point wrote other bytes; the pure-Java one must not.
 *
 * <p>Usage: {@code SimulateBesideTheBrowser OUT_DIR NAME...}; exit 0 when every example was
 * written, and prints {@code libzstd-mapped true|false}.
 */
public final class SimulateBesideTheBrowser {

  private SimulateBesideTheBrowser() {}

  public static void main(String[] args) {
    int code = WeirCli.INTERNAL_ERROR;
    try {
      code = simulateBesideTheBrowser(Path.of(args[0]), Arrays.copyOfRange(args, 1, args.length));
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
    } finally {
      // Chromium's threads would keep the JVM alive after a failure.
      System.exit(code);
    }
  }

  private static int simulateBesideTheBrowser(Path out, String[] examples) {
    int code = WeirCli.OK;
    try (Page page = BrowserRuntime.shared().open(URI.create("about:blank"))) {
      System.out.println("libzstd-mapped " + awaitSystemZstd());
      PrintWriter stdout = new PrintWriter(System.out, true);
      PrintWriter stderr = new PrintWriter(System.err, true);
      for (String example : examples) {
        String[] simulate = {"simulate", "-q", "--scenario", "examples/" + example + ".yaml",
            "--out", out.resolve(example + ".mcap").toString()};
        code = Math.max(code, WeirCli.run(simulate, stdout, stderr));
      }
    }
    return code;
  }

  private static boolean awaitSystemZstd() {
    try {
      await().atMost(Duration.ofSeconds(20)).until(SimulateBesideTheBrowser::systemZstdMapped);
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }

  private static boolean systemZstdMapped() {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .anyMatch(line -> line.contains("/libzstd.so"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

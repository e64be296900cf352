package dev.weir.harness.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The X display CEF renders into: the one named by {@code DISPLAY}, or a private Xvfb started for
 * this JVM.
 *
 * <p>JCEF's native code always opens an X11 window, even off screen, so a display is required.
 * Xvfb is started through a small {@code sh} wrapper whose standard input is a pipe from this JVM:
 * when the JVM exits in any way (including SIGKILL, and SIGTERM, where CEF's signal handlers stop
 * shutdown hooks from running), the pipe closes, the wrapper reads end-of-file and kills Xvfb. A
 * parent-death signal ({@code setpriv --pdeathsig}) was not used because Linux ties it to the
 * thread that forked, not the process, so Xvfb would die with whichever Java thread started it.
 * Xvfb picks a free display number itself and reports it through {@code -displayfd} once it
 * accepts connections, so there is no race with other X servers.
 */
public final class Display implements AutoCloseable {

  static final String INSTALL_HINT = "apt-get install -y xvfb";
  private static final long START_TIMEOUT_SECONDS = 20;

  /*
   * $@ is the Xvfb command line. Xvfb starts before the traps so it keeps default signal
   * dispositions; the wrapper then ignores terminal signals so that only end-of-file on stdin (the
   * JVM closing the pipe or dying) ends it, and it waits for Xvfb before exiting.
   */
  private static final String WRAPPER =
      "\"$@\" & x=$!; exec >/dev/null; trap '' INT TERM HUP; cat; kill $x 2>/dev/null; wait $x";

  private final String name;
  private final Process wrapper;
  private final Path log;

  private Display(String name, Process wrapper, Path log) {
    this.name = name;
    this.wrapper = wrapper;
    this.log = log;
  }

  /**
   * The display named by {@code DISPLAY}, or a new Xvfb when it is unset or empty.
   *
   * @throws NoDisplayException when there is no display and no {@code Xvfb} on the PATH
   */
  public static Display acquire() {
    return acquire(System.getenv());
  }

  static Display acquire(Map<String, String> environment) {
    String display = environment.getOrDefault("DISPLAY", "");
    if (!display.isEmpty()) {
      return new Display(display, null, null);
    }
    Path xvfb =
        findOnPath("Xvfb", environment.getOrDefault("PATH", ""))
            .orElseThrow(
                () ->
                    new NoDisplayException(
                        "No X display for the browser: DISPLAY is unset and no Xvfb executable is"
                            + " on the PATH. Install it with: "
                            + INSTALL_HINT));
    return startXvfb(xvfb);
  }

  static Optional<Path> findOnPath(String executable, String path) {
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static Display startXvfb(Path xvfb) {
    Path log = null;
    Process wrapper = null;
    try {
      log = Files.createTempFile("weir-xvfb-", ".log");
      // close() deletes it; this covers a JVM that exits without closing (a test fork, an exit
      // from a shutdown path): 208 such logs were left in /tmp by one day's runs.
      log.toFile().deleteOnExit();
      wrapper =
          new ProcessBuilder(
                  List.of(
                      "sh",
                      "-c",
                      WRAPPER,
                      "weir-xvfb",
                      xvfb.toString(),
                      "-displayfd",
                      "1",
                      "-screen",
                      "0",
                      "64x64x24",
                      "-nolisten",
                      "tcp"))
              .redirectError(log.toFile())
              .start();
      String number = readDisplayNumber(wrapper, log);
      return new Display(":" + number, wrapper, log);
    } catch (IOException e) {
      stop(wrapper, log);
      throw new UncheckedIOException("Could not start " + xvfb, e);
    } catch (RuntimeException e) {
      stop(wrapper, log);
      throw e;
    }
  }

  private static String readDisplayNumber(Process wrapper, Path log) throws IOException {
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(wrapper.getInputStream(), StandardCharsets.US_ASCII));
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String number;
    try {
      number = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Xvfb did not report a display within " + START_TIMEOUT_SECONDS + " s; its log: "
              + Files.readString(log).strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Xvfb", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not read the display number from Xvfb", e.getCause());
    }
    if (number == null || !number.strip().matches("[0-9]+")) {
      throw new IllegalStateException(
          "Xvfb exited without reporting a display number (got "
              + (number == null ? "end of output" : "'" + number + "'")
              + "); its log: "
              + Files.readString(log).strip());
    }
    return number.strip();
  }

  /** The X display name, such as {@code :7}, to pass to CEF. */
  public String name() {
    return name;
  }

  /** Whether this display is an Xvfb started by this JVM (and stopped by {@link #close()}). */
  public boolean isPrivate() {
    return wrapper != null;
  }

  /** Stops the Xvfb this object started and waits for it to exit; a no-op for an inherited display. */
  @Override
  public void close() {
    stop(wrapper, log);
  }

  private static void stop(Process wrapper, Path log) {
    if (wrapper != null) {
      try {
        wrapper.getOutputStream().close();
        if (!wrapper.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          kill(wrapper);
        }
      } catch (IOException e) {
        kill(wrapper);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill(wrapper);
      }
    }
    if (log != null) {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete Xvfb log " + log, e);
      }
    }
  }

  private static void kill(Process wrapper) {
    wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
    wrapper.destroyForcibly();
  }
}

package dev.weir.harness.browser;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test main run in its own JVM, with no DISPLAY, and tagged through an environment variable
 * that every process it starts inherits, so that the test can find them in the process table
 * after the JVM is gone, whatever reparented them.
 */
final class ChildJvm implements AutoCloseable {

  private static final String MARK = "WEIR_TEST_MARK";

  private final String mark = UUID.randomUUID().toString();
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Path stderr;

  ChildJvm(Class<?> main, String... args) throws IOException {
    stderr = Files.createTempFile("weir-child-", ".err");
    ProcessBuilder builder = JvmCommand.builder(main, args).redirectError(stderr.toFile());
    builder.environment().remove("DISPLAY");
    builder.environment().put(MARK, mark);
    process = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  Process process() {
    return process;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits until the child has printed {@code line}; fails early if it exits first. */
  void awaitLine(String line, Duration timeout) {
    await()
        .atMost(timeout)
        .failFast("child exited: " + describe(), () -> !process.isAlive() && !lines.contains(line))
        .until(() -> lines.contains(line));
  }

  /** The value printed after {@code prefix + " "}. */
  String printed(String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix + " "))
        .map(l -> l.substring(prefix.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("child did not print " + prefix + ": " + describe()));
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child did not exit within " + timeout + ": " + describe());
    }
    return process.exitValue();
  }

  /**
   * Processes still alive that this child started, directly or not: those that inherited its
   * environment mark (Xvfb), and CEF's helpers, which get a cleared environment but name the
   * child's CEF cache on their command line.
   */
  List<String> survivors() {
    String tag = MARK + "=" + mark;
    String cache =
        lines.stream().filter(l -> l.startsWith("CACHE ")).map(l -> l.substring(6)).findFirst()
            .orElse(null);
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
        try {
          String environ =
              new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
          String cmdline = Processes.commandLine(Long.parseLong(proc.getFileName().toString()));
          if (("\0" + environ).contains("\0" + tag + "\0")
              || (cache != null && cmdline.contains("=" + cache + " "))) {
            found.add(proc.getFileName() + " " + cmdline.substring(0, Math.min(120, cmdline.length())));
          }
        } catch (IOException e) {
          // the process ended while we looked, or is not ours to read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  String describe() {
    String err;
    try {
      List<String> all = Files.readAllLines(stderr);
      err = String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException e) {
      err = "(stderr unreadable: " + e + ")";
    }
    return "stdout " + lines + "\nstderr (last lines):\n" + err;
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws IOException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    Files.deleteIfExists(stderr);
  }
}

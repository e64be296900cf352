package dev.weir.harness.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayTest {

  private static final Duration PROCESS_EXIT = Duration.ofSeconds(10);

  @Test
  void usesTheDisplayNamedByTheEnvironment() {
    try (Display display = Display.acquire(Map.of("DISPLAY", ":42", "PATH", ""))) {
      assertEquals(":42", display.name());
      assertFalse(display.isPrivate());
    }
  }

  @Test
  void failsAtOnceNamingTheInstallCommandWhenThereIsNoDisplayAndNoXvfb(@TempDir Path emptyBin) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Display.acquire(Map.of("PATH", emptyBin.toString())));
    assertEquals(
        "No X display for the browser: DISPLAY is unset and no Xvfb executable is on the PATH."
            + " Install it with: apt-get install -y xvfb",
        e.getMessage());
  }

  @Test
  void startsAnXvfbThatAcceptsConnectionsAndStopsItOnClose() {
    List<ProcessHandle> running = xvfbsUnder(ProcessHandle.current());
    ProcessHandle xvfb;
    String name;
    try (Display display = Display.acquire(Map.of("PATH", System.getenv("PATH")))) {
      name = display.name();
      assertTrue(display.isPrivate());
      assertTrue(name.matches(":[0-9]+"), name);
      assertTrue(Files.exists(socketOf(name)), "no X socket for " + name);
      xvfb = onlyNewXvfb(ProcessHandle.current(), running);
    }
    assertFalse(xvfb.isAlive(), "Xvfb still running after close");
    assertFalse(Files.exists(socketOf(name)), "X socket left behind for " + name);
  }

  @Test
  void twoXvfbsGetDifferentDisplays() {
    try (Display first = Display.acquire(Map.of("PATH", System.getenv("PATH")));
        Display second = Display.acquire(Map.of("PATH", System.getenv("PATH")))) {
      assertFalse(first.name().equals(second.name()), first.name() + " given twice");
    }
  }

  @Test
  void xvfbDiesWhenItsJvmIsKilled() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    XvfbHolder.class.getName()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
      String name = out.readLine();
      assertTrue(name != null && name.matches(":[0-9]+"), "child printed " + name);
      ProcessHandle xvfb = onlyNewXvfb(child.toHandle(), List.of());

      child.destroyForcibly();

      await().atMost(PROCESS_EXIT).until(() -> !xvfb.isAlive());
    } finally {
      child.destroyForcibly();
    }
  }

  private static Path socketOf(String display) {
    return Path.of("/tmp/.X11-unix/X" + display.substring(1));
  }

  private static List<ProcessHandle> xvfbsUnder(ProcessHandle parent) {
    return parent
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/Xvfb")).orElse(false))
        .toList();
  }

  /** The one Xvfb under {@code parent} that is not in {@code before} (a shared runtime's may be). */
  private static ProcessHandle onlyNewXvfb(ProcessHandle parent, List<ProcessHandle> before) {
    List<ProcessHandle> started =
        xvfbsUnder(parent).stream().filter(p -> !before.contains(p)).toList();
    assertEquals(1, started.size(), "new Xvfb processes under " + parent.pid() + ": " + started);
    return started.get(0);
  }
}

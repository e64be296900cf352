package dev.weir.harness.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the runtime in child JVMs, ends them every way a run can end, and then looks at the process
 * table: nothing the child started (Xvfb, jcef_helper) may be left, and its CEF cache is gone.
 */
class ProcessCleanupTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration EXIT = Duration.ofSeconds(60);
  private static final Duration REAP = Duration.ofSeconds(15);

  @TempDir static Path root;

  @BeforeAll
  static void writePage() throws IOException {
    Files.writeString(root.resolve("index.html"), "<!doctype html><title>child</title>");
  }

  private static ChildJvm child(String mode) throws IOException {
    return new ChildJvm(RuntimeChild.class, mode, root.toString());
  }

  @Test
  void cleanEndLeavesNothingAndCefCannotRestart() throws Exception {
    try (ChildJvm child = child("clean")) {
      assertEquals(0, child.awaitExit(EXIT), child::describe);
      assertTrue(child.lines().contains("READY"), child::describe);
      assertTrue(
          child.lines().contains("CEF was closed in this JVM and cannot start again"),
          child::describe);
      assertNothingLeft(child);
    }
  }

  @Test
  void failedRunLeavesNothing() throws Exception {
    try (ChildJvm child = child("fail")) {
      assertEquals(1, child.awaitExit(EXIT), child::describe);
      assertTrue(child.stderr().contains("scenario failed on purpose"), child::describe);
      assertNothingLeft(child);
    }
  }

  @Test
  void sigtermLeavesNothing() throws Exception {
    endBySignal("TERM", 143);
  }

  @Test
  void sigintLeavesNothing() throws Exception {
    endBySignal("INT", 130);
  }

  @Test
  void sigkillLeavesNoProcessAndTheNextRuntimeDeletesTheCache() throws Exception {
    Path cache;
    try (ChildJvm child = child("wait")) {
      child.awaitLine("READY", START);
      cache = Path.of(child.printed("CACHE"));
      child.process().destroyForcibly();
      child.awaitExit(EXIT);
      await().atMost(REAP).untilAsserted(() -> assertEquals(List.of(), child.survivors()));
    }
    assertTrue(Files.exists(cache), "a killed JVM cannot clean up; the next one must");
    try (ChildJvm next = child("clean")) {
      assertEquals(0, next.awaitExit(EXIT), next::describe);
    }
    assertFalse(Files.exists(cache), "stale cache " + cache + " not swept");
  }

  @Test
  void twoJvmsAtOnceBothWork() throws Exception {
    try (ChildJvm first = child("clean");
        ChildJvm second = child("clean")) {
      assertEquals(0, first.awaitExit(EXIT), first::describe);
      assertEquals(0, second.awaitExit(EXIT), second::describe);
      assertNothingLeft(first);
      assertNothingLeft(second);
    }
  }

  private static void endBySignal(String signal, int status) throws Exception {
    try (ChildJvm child = child("wait")) {
      child.awaitLine("READY", START);
      List<String> running = child.survivors();
      assertTrue(running.stream().anyMatch(p -> p.contains("jcef_helper")), running::toString);
      assertTrue(running.stream().anyMatch(p -> p.contains("Xvfb")), running::toString);

      new ProcessBuilder("kill", "-" + signal, Long.toString(child.process().pid()))
          .start()
          .waitFor();

      assertEquals(status, child.awaitExit(EXIT), child::describe);
      assertNothingLeft(child);
    }
  }

  private static void assertNothingLeft(ChildJvm child) {
    await().atMost(REAP).untilAsserted(() -> assertEquals(List.of(), child.survivors()));
    Path cache = Path.of(child.printed("CACHE"));
    assertFalse(Files.exists(cache), "CEF cache left at " + cache);
  }
}

package dev.weir.harness.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process-table reading for tests that check what the runtime starts and ends. */
final class Processes {

  private Processes() {}

  /**
   * The command line with arguments separated by spaces, read from {@code /proc} because Chromium
   * rewrites its helpers' argument area, which {@link ProcessHandle.Info} then cuts at the first
   * argument. Empty once the process has ended.
   */
  static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}

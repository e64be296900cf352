package dev.weir.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Linux's per-process memory summary ({@code /proc/PID/smaps_rollup}), in KiB. */
final class ProcMemory {

  private ProcMemory() {}

  /** Field name to KiB, such as {@code Rss} and {@code Pss}; empty if the process has gone. */
  static Map<String, Long> rollup(long pid) {
    Map<String, Long> fields = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 3 && parts[0].endsWith(":") && parts[2].equals("kB")) {
          fields.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
        }
      }
    } catch (IOException e) {
      // the process ended between listing and reading
    }
    return fields;
  }
}

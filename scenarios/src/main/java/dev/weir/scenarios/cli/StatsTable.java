package dev.weir.scenarios.cli;

import dev.weir.simulator.inspect.ChannelStats;
import dev.weir.simulator.inspect.RecordingStats;
import dev.weir.simulator.mcap.Metadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code weir inspect}: the summary as a table for people. Times in seconds. */
final class StatsTable {

  private StatsTable() {}

  static void write(Path file, RecordingStats s, PrintWriter out) throws IOException {
    out.printf(Locale.ROOT, "file         %s (%,d bytes)%n", file, Files.size(file));
    out.printf(Locale.ROOT, "header       profile=%s library=%s%n", quoted(s.profile()), quoted(s.library()));
    out.printf(Locale.ROOT, "chunks       %d (%s)%n", s.chunks(),
        s.compressions().isEmpty() ? "unchunked" : String.join(", ", s.compressions()));
    out.printf(Locale.ROOT, "messages     %,d%n", s.messages());
    if (s.messages() > 0) {
      out.printf(Locale.ROOT, "time         %s .. %s s (%s s)%n", seconds(s.startNs()), seconds(s.endNs()),
          seconds(s.endNs() - s.startNs()));
    }
    if (s.attachments() > 0) {
      out.printf(Locale.ROOT, "attachments  %d%n", s.attachments());
    }
    for (Metadata m : s.metadata()) {
      out.printf(Locale.ROOT, "metadata     %s: %s%n", m.name(), m.metadata().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
    }
    out.println();
    out.printf(Locale.ROOT, "%-4s %-24s %-18s %12s %14s %14s %12s %6s %12s %9s%n",
        "id", "topic", "encoding", "messages", "first (s)", "last (s)", "rate (Hz)", "gaps", "largest gap", "backwards");
    for (ChannelStats c : s.channels()) {
      out.printf(Locale.ROOT, "%-4d %-24s %-18s %,12d %14s %14s %12.3f %,6d %12s %,9d%n",
          c.id(), c.topic(), c.messageEncoding(), c.messages(),
          c.messages() == 0 ? "-" : seconds(c.firstNs()), c.messages() == 0 ? "-" : seconds(c.lastNs()),
          c.rateHz(), c.gaps(),
          c.gaps() == 0 ? "-" : seconds(c.largestGapNs()) + " s", c.backwards());
    }
  }

  private static String seconds(long ns) {
    return String.format(Locale.ROOT, "%.6f", ns / 1e9);
  }

  private static String quoted(String s) {
    return '"' + s + '"';
  }
}

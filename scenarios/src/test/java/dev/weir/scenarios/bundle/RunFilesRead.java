package dev.weir.scenarios.bundle;

import dev.weir.harness.trace.EventKind;
import dev.weir.simulator.mcap.Channel;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.Metadata;
import dev.weir.simulator.mcap.ReadOptions;
import dev.weir.simulator.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What tests read back from a run's files ({@link RunFiles}): to compare the stream with the trace. */
public final class RunFilesRead {

  private RunFilesRead() {}

  /** The sends in {@code folder}'s trace: messages on the channels whose kind is send. */
  public static long sent(Path folder) throws IOException {
    Set<Integer> sends = new HashSet<>();
    long n = 0;
    try (McapStreamReader reader = McapStreamReader.open(folder.resolve(RunFiles.TRACE), ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null; r = reader.next()) {
        if (r instanceof Channel c && EventKind.SEND.label().equals(c.metadata().get("kind"))) {
          sends.add(c.id());
        } else if (r instanceof Message m && sends.contains(m.channelId())) {
          n++;
        }
      }
    }
    return n;
  }

  /** How many readings {@code recording} holds. */
  public static long readings(Path recording) throws IOException {
    long n = 0;
    try (RecordingReader reader = RecordingReader.open(recording)) {
      while (reader.next() != null) {
        n++;
      }
    }
    return n;
  }

  /** The metadata record {@code name} of {@code recording}; empty when it has none. */
  public static Map<String, String> metadata(Path recording, String name) throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(recording, ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null; r = reader.next()) {
        if (r instanceof Metadata m && m.name().equals(name)) {
          return Map.copyOf(m.metadata());
        }
      }
    }
    return Map.of();
  }

  /** The {@code weir} metadata of {@code recording}: spec, seed, duration_ns… */
  public static Map<String, String> run(Path recording) throws IOException {
    try (RecordingReader reader = RecordingReader.open(recording)) {
      reader.next();
      return Map.copyOf(reader.run());
    }
  }
}

package dev.weir.simulator.mcap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Writes a seeded recording with two channels, out-of-order log times, metadata and an attachment. */
final class SampleRecording {
  private SampleRecording() {}

  /** Writes {@code messages} messages and returns them in the order they were added. */
  static List<Message> write(Path file, McapWriter.Options options, int messages, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Message> written = new ArrayList<>();
    try (McapWriter writer = McapWriter.create(file, options)) {
      int schema = writer.addSchema("weir.Reading", "jsonschema", "{\"type\":\"object\"}".getBytes());
      int a = writer.addChannel(schema, "/imu", "json", new TreeMap<>(Map.of("rate", "100")));
      int b = writer.addChannel(0, "/raw", "x-bytes", Map.of());
      writer.addMetadata("run", new TreeMap<>(Map.of("seed", Long.toString(seed))));
      for (int i = 0; i < messages; i++) {
        byte[] data = new byte[random.nextInt(0, 160)];
        random.nextBytes(data);
        long logTime = 1_000L * i + random.nextInt(0, 3_000);
        int channel = random.nextBoolean() ? a : b;
        writer.addMessage(channel, i, logTime, logTime - 7, data, 0, data.length);
        written.add(new Message(channel, i, logTime, logTime - 7, data));
        if (i == messages / 2) {
          writer.addAttachment("calibration.txt", "text/plain", logTime, 5, "k=1".getBytes());
        }
      }
    }
    return written;
  }
}

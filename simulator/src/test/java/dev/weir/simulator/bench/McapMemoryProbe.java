package dev.weir.simulator.bench;

import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.McapWriter;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.ReadOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Shows that writing and stream-reading a large recording keeps the heap bounded: writes about 1 GB of 100-byte messages
 * to java.io.tmpdir, reads it back, prints the peak heap use of every pool, and deletes the file. Run with a small heap,
 * e.g. {@code java -Xmx64m -cp ... dev.weir.simulator.bench.McapMemoryProbe [gigabytes] [NONE|ZSTD|LZ4]}.
 */
public final class McapMemoryProbe {
  private McapMemoryProbe() {}

  public static void main(String[] args) throws IOException {
    double gigabytes = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Compression compression = args.length > 1 ? Compression.valueOf(args[1]) : Compression.ZSTD;
    long messages = (long) (gigabytes * 1e9 / 100);
    Path file = Files.createTempFile("mcap-memory", ".mcap");
    try {
      byte[] payload = new byte[100];
      long t0 = System.nanoTime();
      try (McapWriter writer = McapWriter.create(file, McapWriter.Options.defaults()
        .withCompression(compression))) {
        int channel = writer.addChannel(0, "/probe", "x-raw", Map.of());
        for (long i = 0; i < messages; i++) {
          payload[(int) (i % 100)]++;
          writer.addMessage(channel, i & 0xFFFF_FFFFL, i, i, payload, 0, payload.length);
        }
      }
      long t1 = System.nanoTime();
      resetPeaks();
      long read = 0;
      try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
        for (McapRecord r = reader.next(); r != null; r = reader.next()) {
          if (r instanceof Message) {
            read++;
          }
        }
      }
      long t2 = System.nanoTime();
      System.out.printf("file %,d bytes, %,d messages written in %.1f s, %,d read in %.1f s (%s)%n",
        Files.size(file), messages, (t1 - t0) / 1e9, read, (t2 - t1) / 1e9, compression);
      long total = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          long peak = pool.getPeakUsage().getUsed();
          total += peak;
          System.out.printf("  peak %-28s %,12d bytes%n", pool.getName(), peak);
        }
      }
      System.out.printf("  sum of heap pool peaks during the read: %,d bytes (max heap %,d)%n", total,
        Runtime.getRuntime().maxMemory());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }
}

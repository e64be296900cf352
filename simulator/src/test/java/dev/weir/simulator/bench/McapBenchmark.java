package dev.weir.simulator.bench;

import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.McapWriter;
import dev.weir.simulator.mcap.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * MCAP write and streamed-read throughput for 100-byte messages, into and out of a file in a temporary directory. Each
 * operation moves {@link #MESSAGES} messages of {@link #SIZE} bytes, so payload MB/s = ops/s * {@link #PAYLOAD_MB}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class McapBenchmark {
  static final int MESSAGES = 1_000_000;
  static final int SIZE = 100;
  /** Payload megabytes (10^6 bytes) per operation: multiply ops/s by this for MB/s. */
  static final double PAYLOAD_MB = MESSAGES * (double) SIZE / 1e6;

  @Param({"NONE", "ZSTD", "LZ4"})
  public Compression compression;

  private Path dir;
  private Path written;
  private Path readable;
  private byte[] payload;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("mcap-bench");
    written = dir.resolve("write.mcap");
    readable = dir.resolve("read.mcap");
    payload = new byte[SIZE * 64];
    new SplittableRandom(1).nextBytes(payload);
    // Half the payload repeats so compression has something to find, as sensor data does.
    System.arraycopy(payload, 0, payload, payload.length / 2, payload.length / 2);
    write(readable);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(written);
    Files.deleteIfExists(readable);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public void write() throws IOException {
    write(written);
  }

  @Benchmark
  public void streamRead(Blackhole hole) throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(readable, ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null; r = reader.next()) {
        hole.consume(r);
      }
    }
  }

  private void write(Path target) throws IOException {
    try (McapWriter writer = McapWriter.create(target, McapWriter.Options.defaults()
      .withCompression(compression))) {
      int schema = writer.addSchema("bench", "x-raw", new byte[0]);
      int channel = writer.addChannel(schema, "/bench", "x-raw", Map.of());
      for (int i = 0; i < MESSAGES; i++) {
        writer.addMessage(channel, i, 1_000L * i, 1_000L * i, payload, (i & 63) * SIZE / 2, SIZE);
      }
    }
  }
}

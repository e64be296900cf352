package dev.weir.simulator.bench;

import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.recording.RecordingReader;
import dev.weir.simulator.recording.RecordingWriter;
import dev.weir.simulator.recording.RunInfo;
import dev.weir.simulator.recording.SensorInfo;
import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Recording throughput: readings to MCAP and back, per encoding and compression. Each operation writes (or reads) a
 * whole recording of {@link #READINGS} three-channel readings; the {@code mb} counter reports uncompressed message
 * payload megabytes, so ops/s × mb per op gives MB/s of message data. Run:
 * {@code java -cp ... org.openjdk.jmh.Main RecordingBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordingBenchmark {

  static final int READINGS = 200_000;

  private static final List<SensorInfo> SENSORS =
      List.of(new SensorInfo("accel", List.of("x", "y", "z"), "m/s^2", "1000", "constant", ""));

  @Param({"BINARY", "JSON"})
  public ReadingEncoding encoding;

  @Param({"NONE", "ZSTD", "LZ4"})
  public Compression compression;

  private List<Reading> readings;
  private Path dir;
  private Path written;
  private Path recording;
  private long payloadBytes;

  /** Megabytes of message payload handled, for MB/s = this counter's rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Payload {
    public double mb;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    readings = new ArrayList<>(READINGS);
    for (int i = 0; i < READINGS; i++) {
      long t = i * 1_000_000L;
      readings.add(new Reading("accel", i, t, t, new double[] {random.nextGaussian(), random.nextGaussian(),
          random.nextGaussian()}));
    }
    dir = Files.createTempDirectory("weir-bench");
    written = dir.resolve("write.mcap");
    recording = dir.resolve("read.mcap");
    write(recording);
    var encoder = encoding.newEncoder();
    for (Reading r : readings) {
      payloadBytes += encoder.encode(r);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(written);
    Files.deleteIfExists(recording);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public void writeRecording(Payload payload) throws IOException {
    write(written);
    payload.mb += payloadBytes / 1e6;
  }

  @Benchmark
  public void readRecording(Payload payload, Blackhole sink) throws IOException {
    try (RecordingReader reader = RecordingReader.open(recording)) {
      for (Reading r = reader.next(); r != null; r = reader.next()) {
        sink.consume(r);
      }
    }
    payload.mb += payloadBytes / 1e6;
  }

  private void write(Path target) throws IOException {
    try (RecordingWriter writer = RecordingWriter.create(target, encoding, compression, SENSORS,
        new RunInfo("bench", 1, READINGS * 1_000_000L))) {
      for (Reading r : readings) {
        writer.write(r);
      }
    }
  }
}

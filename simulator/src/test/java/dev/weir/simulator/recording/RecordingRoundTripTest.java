package dev.weir.simulator.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.mcap.McapFormatException;
import dev.weir.simulator.mcap.McapWriter;
import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordingRoundTripTest {

  @TempDir
  Path dir;

  static List<Arguments> encodingsAndCompressions() {
    List<Arguments> all = new ArrayList<>();
    for (ReadingEncoding e : ReadingEncoding.values()) {
      for (Compression c : Compression.values()) {
        all.add(Arguments.of(e, c));
      }
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("encodingsAndCompressions")
  void readingsComeBackExactlyInOrder(ReadingEncoding encoding, Compression compression) throws IOException {
    List<Reading> written = TestRecordings.readings(30_000);
    Path file = write(encoding, compression, written);
    List<Reading> read = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(file)) {
      for (Reading r = reader.next(); r != null; r = reader.next()) {
        read.add(r);
      }
    }
    assertEquals(written, read);
  }

  @ParameterizedTest
  @MethodSource("encodingsAndCompressions")
  void sameReadingsGiveTheSameBytes(ReadingEncoding encoding, Compression compression) throws IOException {
    List<Reading> readings = TestRecordings.readings(2_000);
    Path a = write(encoding, compression, readings);
    Files.move(a, dir.resolve("first.mcap"));
    Path b = write(encoding, compression, readings);
    assertArrayEquals(Files.readAllBytes(dir.resolve("first.mcap")), Files.readAllBytes(b));
  }

  @Test
  void readerReportsTheRunAndEverySensorWithItsDeclaration() throws IOException {
    Path file = write(ReadingEncoding.BINARY, Compression.ZSTD, TestRecordings.readings(3));
    try (RecordingReader reader = RecordingReader.open(file)) {
      reader.next();
      assertEquals(Map.of("format", "weir.recording.v1", "encoding", "weir.reading.v1", "spec", "bench-spec",
          "seed", "42", "duration_ns", "10000000000"), reader.run());
      assertEquals(List.of("accel", "temp", "flags"), reader.sensors().stream().map(RecordedSensor::id).toList());
      RecordedSensor temp = reader.sensors().get(1);
      assertEquals(List.of("celsius"), temp.channels());
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("sensor", "temp");
      expected.put("channels", "[\"celsius\"]");
      expected.put("unit", "°C");
      expected.put("rate_hz", "1/3");
      expected.put("model", "random-walk");
      expected.put("description", "board \"temperature\", slow");
      assertEquals(List.copyOf(expected.entrySet()), List.copyOf(temp.metadata().entrySet()));
      assertEquals(List.of("a,b", "c"), reader.sensors().get(2).channels());
    }
  }

  @Test
  void writerRefusesReadingsOfUndeclaredSensorsAndDiscardsTheFile() throws IOException {
    Path file = dir.resolve("r.mcap");
    RecordingWriter writer = RecordingWriter.create(file, ReadingEncoding.JSON, Compression.NONE,
        TestRecordings.INFOS, TestRecordings.RUN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.write(new Reading("gyro", 0, 0, 0, new double[] {1})));
    assertEquals("reading Reading[gyro#0 t=0ns stamp=0ns [1.0]] is from undeclared sensor gyro; the recording "
        + "declares accel, flags, temp", e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void writerRefusesAReadingWithTheWrongNumberOfValues() throws IOException {
    RecordingWriter writer = RecordingWriter.create(dir.resolve("r.mcap"), ReadingEncoding.JSON, Compression.NONE,
        TestRecordings.INFOS, TestRecordings.RUN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.write(new Reading("accel", 0, 0, 0, new double[] {1})));
    assertEquals("reading Reading[accel#0 t=0ns stamp=0ns [1.0]] has 1 values; sensor accel declares 3 channels",
        e.getMessage());
  }

  @Test
  void foreignMessageEncodingIsRefusedNamingTheChannel() throws IOException {
    Path file = foreign(w -> {
      w.addChannel(0, "/weir/accel", "json", Map.of());
      w.addChannel(0, "/imu", "ros2msg", Map.of());
    });
    assertReadFails(file, "channel 1 /imu has message encoding ros2msg; weir reads json and weir.reading.v1");
  }

  @Test
  void jsonChannelWithAnotherSchemaIsRefused() throws IOException {
    Path file = foreign(w -> w.addChannel(w.addSchema("foo.Bar", "jsonschema", new byte[] {'{', '}'}), "/weir/x",
        "json", Map.of()));
    assertReadFails(file, "channel 0 /weir/x has schema foo.Bar (jsonschema); weir reads json messages with "
        + "schema weir.Reading (jsonschema)");
  }

  @Test
  void nonWeirTopicIsRefused() throws IOException {
    Path file = foreign(w -> w.addChannel(0, "/imu", "weir.reading.v1", Map.of()));
    assertReadFails(file, "channel 0 /imu is not a weir sensor topic; weir topics are /weir/<sensor id>");
  }

  @Test
  void undecodableMessageIsReportedWithItsLogTimeAndChannel() throws IOException {
    Path file = foreign(w -> {
      int channel = w.addChannel(0, "/weir/accel", "weir.reading.v1", Map.of());
      w.addMessage(channel, 7, 5_000, 5_000, new byte[] {9}, 0, 1);
    });
    assertReadFails(file, "message at log time 5000 ns (sequence 7) on channel 0 /weir/accel: weir.reading.v1: "
        + "expected version byte 1, found 9 (at byte 0 of the message)");
  }

  @Test
  void messageFromAnotherSensorThanItsTopicIsRefused() throws IOException {
    byte[] json = "{\"sensor\":\"gyro\",\"index\":0,\"stamp_ns\":5,\"values\":[]}".getBytes(StandardCharsets.UTF_8);
    Path file = foreign(w -> {
      int channel = w.addChannel(0, "/weir/accel", "json", Map.of());
      w.addMessage(channel, 0, 5, 5, json, 0, json.length);
    });
    assertReadFails(file, "message at log time 5 ns (sequence 0) on channel 0 /weir/accel: the message is from "
        + "sensor gyro, the channel carries sensor accel");
  }

  @Test
  void truncatedFileFailsInTheMcapLayerWithAnOffset() throws IOException {
    Path file = write(ReadingEncoding.BINARY, Compression.NONE, TestRecordings.readings(100));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    McapFormatException e = assertThrows(McapFormatException.class, () -> {
      try (RecordingReader reader = RecordingReader.open(file)) {
        while (reader.next() != null) {
          // read to the damage
        }
      }
    });
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void emptyRecordingHasNoReadings() throws IOException {
    Path file = write(ReadingEncoding.JSON, Compression.LZ4, List.of());
    try (RecordingReader reader = RecordingReader.open(file)) {
      assertNull(reader.next());
      assertEquals(3, reader.sensors().size());
    }
  }

  private Path write(ReadingEncoding encoding, Compression compression, List<Reading> readings) throws IOException {
    Path file = dir.resolve("r.mcap");
    try (RecordingWriter writer = RecordingWriter.create(file, encoding, compression, TestRecordings.INFOS,
        TestRecordings.RUN)) {
      for (Reading r : readings) {
        writer.write(r);
      }
    }
    return file;
  }

  interface McapContent {
    void write(McapWriter writer) throws IOException;
  }

  private Path foreign(McapContent content) throws IOException {
    Path file = dir.resolve("foreign.mcap");
    try (McapWriter writer = McapWriter.create(file, McapWriter.Options.defaults())) {
      content.write(writer);
    }
    return file;
  }

  private static void assertReadFails(Path file, String expected) {
    RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> {
      try (RecordingReader reader = RecordingReader.open(file)) {
        while (reader.next() != null) {
          // read to the failure
        }
      }
    });
    assertEquals(expected, e.getMessage());
  }
}

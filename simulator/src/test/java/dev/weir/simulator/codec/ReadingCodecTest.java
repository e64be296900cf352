package dev.weir.simulator.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.simulator.stream.Reading;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ReadingCodecTest {

  private static final double[] EDGE_VALUES = {
      Double.NaN, Double.longBitsToDouble(0x7ff8_0000_0000_0001L), -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL,
      Double.MIN_NORMAL - Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 1e-300, 1e300, 0.1, 1.0 / 3, 2.82879384806159E17};

  @ParameterizedTest
  @EnumSource(ReadingEncoding.class)
  void edgeValuesRoundTripBitForBit(ReadingEncoding encoding) throws Exception {
    Reading reading = new Reading("accel", 12, 120_000_000L, 119_999_000L, EDGE_VALUES);
    Reading back = roundTrip(encoding, reading);
    if (encoding == ReadingEncoding.JSON) {
      // JSON has one NaN: the payload of a non-canonical NaN is not kept.
      double[] canonical = EDGE_VALUES.clone();
      canonical[1] = Double.NaN;
      assertEquals(new Reading("accel", 12, 120_000_000L, 119_999_000L, canonical), back);
    } else {
      assertEquals(reading, back);
    }
  }

  @ParameterizedTest
  @EnumSource(ReadingEncoding.class)
  void randomReadingsRoundTripWithTheirExactBits(ReadingEncoding encoding) throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2_000; i++) {
      double[] values = new double[random.nextInt(0, 6)];
      for (int c = 0; c < values.length; c++) {
        double v = Double.longBitsToDouble(random.nextLong());
        values[c] = Double.isNaN(v) ? Double.NaN : v;
      }
      Reading reading = new Reading("s\u00e9nsor \"" + i % 3 + "\"\n", random.nextLong(), random.nextLong(),
          random.nextLong(), values);
      assertEquals(reading, roundTrip(encoding, reading));
    }
  }

  @Test
  void jsonGoldenBytes() {
    Reading reading = new Reading("accel", 12, 120_000_000L, 120_000_000L, new double[] {0.1, -0.0, 1e-7, Double.NaN,
        Double.NEGATIVE_INFINITY});
    assertEquals("{\"sensor\":\"accel\",\"index\":12,\"stamp_ns\":120000000,"
        + "\"values\":[0.1,-0.0,1.0E-7,\"NaN\",\"-Infinity\"]}", new String(encode(ReadingEncoding.JSON, reading),
            StandardCharsets.UTF_8));
  }

  @Test
  void binaryGoldenBytes() {
    Reading reading = new Reading("ab", 258, 0, -2, new double[] {1.0, -0.0});
    assertEquals("01" + "0200" + "6162" + "0201000000000000" + "feffffffffffffff" + "0200"
        + "000000000000f03f" + "0000000000000080", HexFormat.of().formatHex(encode(ReadingEncoding.BINARY, reading)));
  }

  @Test
  void encoderReusesItsBufferAndEncodesEqualReadingsToEqualBytes() {
    ReadingEncoder encoder = ReadingEncoding.JSON.newEncoder();
    Reading a = new Reading("a", 1, 2, 3, new double[] {4});
    int length = encoder.encode(a);
    byte[] first = Arrays.copyOf(encoder.buffer(), length);
    byte[] buffer = encoder.buffer();
    encoder.encode(new Reading("b", 5, 6, 7, new double[] {8, 9}));
    length = encoder.encode(a);
    assertSame(buffer, encoder.buffer());
    assertArrayEquals(first, Arrays.copyOf(encoder.buffer(), length));
  }

  @Test
  void decodersReadMessagesInsideALargerArray() throws Exception {
    for (ReadingEncoding encoding : ReadingEncoding.values()) {
      Reading reading = new Reading("x", 1, 2, 3, new double[] {0.5});
      byte[] message = encode(encoding, reading);
      byte[] padded = new byte[message.length + 10];
      System.arraycopy(message, 0, padded, 7, message.length);
      assertEquals(reading, encoding.newDecoder().decode(padded, 7, message.length, 2));
    }
  }

  @Test
  void jsonDecodeErrorsNameTheFieldAndByte() {
    assertJsonError("{\"sensor\":\"a\",\"index\":\"x\",\"stamp_ns\":1,\"values\":[]}",
        "json reading: field \"index\": expected an integer between -2^63 and 2^63-1, found the string \"x\" "
            + "(at byte 22 of the message)");
    assertJsonError("{\"sensor\":\"a\",\"index\":1,\"values\":[]}",
        "json reading: missing field \"stamp_ns\" (at byte 35 of the message)");
    assertJsonError("{\"sensor\":\"a\",\"index\":1,\"stamp_ns\":1,\"values\":[1,\"nan\"]}",
        "json reading: values[1]: expected a number or one of \"NaN\", \"Infinity\", \"-Infinity\", "
            + "found the string \"nan\" (at byte 49 of the message)");
    assertJsonError("{\"sensor\":\"a\",\"sensor\":\"b\"}",
        "json reading: duplicate field \"sensor\" (at byte 14 of the message)");
    assertJsonError("{\"sensor\":\"a\",\"time_ns\":1}", "json reading: unknown field \"time_ns\"; a weir.Reading has "
        + "sensor, index, stamp_ns and values (at byte 14 of the message)");
    assertJsonError("[1]", "json reading: expected a JSON object, found an array (at byte 0 of the message)");
    assertJsonError("{\"sensor\":\"a\",\"index\":1,\"stamp_ns\":1,\"values\":[]} 1",
        "json reading: expected the end of the message after the object, found 1 (at byte 50 of the message)");
  }

  @Test
  void jsonSyntaxErrorsKeepJacksonsExplanationAndTheByte() {
    assertJsonError("{\"sensor\":\"a\",", "json reading: Unexpected end-of-input within/between Object entries "
        + "(at byte 14 of the message)");
  }

  @Test
  void binaryDecodeErrorsNameWhatWasExpectedAndTheByte() {
    byte[] good = encode(ReadingEncoding.BINARY, new Reading("ab", 1, 2, 3, new double[] {1, 2}));
    assertBinaryError(new byte[] {2}, "weir.reading.v1: expected version byte 1, found 2 (at byte 0 of the message)");
    assertBinaryError(Arrays.copyOf(good, good.length - 3), "weir.reading.v1: expected 2 values (16 bytes), found 13 "
        + "bytes before the end of the message (at byte 23 of the message)");
    assertBinaryError(Arrays.copyOf(good, 4), "weir.reading.v1: expected a sensor id of 2 UTF-8 bytes (2 bytes), "
        + "found 1 bytes before the end of the message (at byte 3 of the message)");
    assertBinaryError(Arrays.copyOf(good, good.length + 1), "weir.reading.v1: expected the end of the message after "
        + "2 values, found 1 more bytes (at byte 39 of the message)");
    byte[] badUtf8 = good.clone();
    badUtf8[3] = (byte) 0xff;
    assertBinaryError(badUtf8, "weir.reading.v1: the sensor id is not valid UTF-8 (at byte 3 of the message)");
  }

  private static void assertJsonError(String message, String expected) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    ReadingFormatException e = assertThrows(ReadingFormatException.class,
        () -> ReadingEncoding.JSON.newDecoder().decode(bytes, 0, bytes.length, 0));
    assertEquals(expected, e.getMessage());
  }

  private static void assertBinaryError(byte[] message, String expected) {
    ReadingFormatException e = assertThrows(ReadingFormatException.class,
        () -> ReadingEncoding.BINARY.newDecoder().decode(message, 0, message.length, 0));
    assertEquals(expected, e.getMessage());
  }

  private static byte[] encode(ReadingEncoding encoding, Reading reading) {
    ReadingEncoder encoder = encoding.newEncoder();
    int length = encoder.encode(reading); // before buffer(): encoding may replace the buffer
    return Arrays.copyOf(encoder.buffer(), length);
  }

  private static Reading roundTrip(ReadingEncoding encoding, Reading reading) throws ReadingFormatException {
    byte[] message = encode(encoding, reading);
    return encoding.newDecoder().decode(message, 0, message.length, reading.timeNs());
  }
}

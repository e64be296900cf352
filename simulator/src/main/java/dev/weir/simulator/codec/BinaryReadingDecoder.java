package dev.weir.simulator.codec;

import dev.weir.simulator.io.LittleEndian;
import dev.weir.simulator.stream.Reading;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the {@code weir.reading.v1} layout written by {@link BinaryReadingEncoder}, and nothing more. */
final class BinaryReadingDecoder implements ReadingDecoder {

  // Consecutive messages usually come from the same sensor: skip decoding its id again.
  private byte[] lastSensorBytes = new byte[0];
  private String lastSensor;

  @Override
  public Reading decode(byte[] data, int offset, int length, long timeNs) throws ReadingFormatException {
    Cursor in = new Cursor(data, offset, length);
    int version = in.u8("the version byte");
    if (version != BinaryReadingEncoder.VERSION) {
      throw new ReadingFormatException(0, "weir.reading.v1: expected version byte "
          + BinaryReadingEncoder.VERSION + ", found " + version);
    }
    int sensorLength = in.u16("the sensor id length");
    String sensor = sensor(in, sensorLength);
    long index = in.i64("the index");
    long stamp = in.i64("stamp_ns");
    int count = in.u16("the value count");
    in.require(8L * count, count + " values");
    double[] values = new double[count];
    for (int c = 0; c < count; c++) {
      values[c] = Double.longBitsToDouble(in.i64("a value"));
    }
    if (in.position < length) {
      throw new ReadingFormatException(in.position, "weir.reading.v1: expected the end of the message after "
          + count + " values, found " + (length - in.position) + " more bytes");
    }
    return new Reading(sensor, index, timeNs, stamp, values);
  }

  private String sensor(Cursor in, int n) throws ReadingFormatException {
    in.require(n, "a sensor id of " + n + " UTF-8 bytes");
    int from = in.start + in.position;
    if (lastSensor == null || !Arrays.equals(lastSensorBytes, 0, lastSensorBytes.length, in.data, from, from + n)) {
      lastSensor = in.utf8(n);
      lastSensorBytes = Arrays.copyOfRange(in.data, from, from + n);
    } else {
      in.position += n;
    }
    return lastSensor;
  }

  /** Little-endian reads that name what they wanted when the message ends too soon. */
  private static final class Cursor {
    private final byte[] data;
    private final int start;
    private final int length;
    private int position;

    Cursor(byte[] data, int start, int length) {
      this.data = data;
      this.start = start;
      this.length = length;
    }

    void require(long n, String what) throws ReadingFormatException {
      if (length - position < n) {
        throw new ReadingFormatException(position, "weir.reading.v1: expected " + what + " (" + n
            + " bytes), found " + (length - position) + " bytes before the end of the message");
      }
    }

    int u8(String what) throws ReadingFormatException {
      require(1, what);
      return data[start + position++] & 0xff;
    }

    int u16(String what) throws ReadingFormatException {
      require(2, what);
      int v = LittleEndian.u16(data, start + position);
      position += 2;
      return v;
    }

    long i64(String what) throws ReadingFormatException {
      require(8, what);
      long v = LittleEndian.u64(data, start + position);
      position += 8;
      return v;
    }

    String utf8(int n) throws ReadingFormatException {
      try {
        String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(data, start + position, n)).toString();
        position += n;
        return s;
      } catch (CharacterCodingException e) {
        throw new ReadingFormatException(position, "weir.reading.v1: the sensor id is not valid UTF-8");
      }
    }
  }
}

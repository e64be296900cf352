package dev.weir.simulator.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one {@code weir.Reading} JSON object, in any field order, and rejects missing, unknown and
 * duplicated fields, so a decoded reading is exactly what the schema describes.
 */
final class JsonReadingDecoder implements ReadingDecoder {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private double[] values = new double[8];
  private int messageStart;

  @Override
  public Reading decode(byte[] data, int offset, int length, long timeNs) throws ReadingFormatException {
    messageStart = offset;
    try (JsonParser p = FACTORY.createParser(data, offset, length)) {
      Reading reading = readObject(p, timeNs);
      if (p.nextToken() != null) {
        throw error(p, "expected the end of the message after the object, found " + found(p));
      }
      return reading;
    } catch (JsonProcessingException e) {
      throw new ReadingFormatException(byteOffset(e.getLocation().getByteOffset()),
          "json reading: " + e.getOriginalMessage());
    } catch (ReadingFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a byte array cannot fail", e);
    }
  }

  private static final String[] FIELDS = {"sensor", "index", "stamp_ns", "values"};

  private Reading readObject(JsonParser p, long timeNs) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw error(p, "expected a JSON object, found " + found(p));
    }
    String sensor = null;
    long index = 0;
    long stamp = 0;
    int count = 0;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      int bit = 1 << fieldNumber(p, field);
      if ((seen & bit) != 0) {
        throw error(p, "duplicate field \"" + field + "\"");
      }
      seen |= bit;
      p.nextToken();
      switch (field) {
        case "sensor" -> sensor = readString(p);
        case "index" -> index = readLong(p, field);
        case "stamp_ns" -> stamp = readLong(p, field);
        default -> count = readValues(p);
      }
    }
    for (int f = 0; f < FIELDS.length; f++) {
      if ((seen & 1 << f) == 0) {
        throw error(p, "missing field \"" + FIELDS[f] + "\"");
      }
    }
    return new Reading(sensor, index, timeNs, stamp, Arrays.copyOf(values, count));
  }

  private int fieldNumber(JsonParser p, String field) throws ReadingFormatException {
    for (int f = 0; f < FIELDS.length; f++) {
      if (FIELDS[f].equals(field)) {
        return f;
      }
    }
    throw error(p, "unknown field \"" + field + "\"; a weir.Reading has sensor, index, stamp_ns and values");
  }

  private String readString(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw error(p, "field \"sensor\": expected a string, found " + found(p));
    }
    return p.getText();
  }

  private long readLong(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error(p, "field \"" + field + "\": expected an integer between -2^63 and 2^63-1, found " + found(p));
    }
    return p.getLongValue();
  }

  private int readValues(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(p, "field \"values\": expected an array, found " + found(p));
    }
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n++] = readValue(p, n - 1);
    }
    return n;
  }

  private double readValue(JsonParser p, int i) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return Double.parseDouble(p.getText()); // exact, whatever Jackson's own number parsing does
    }
    if (t == JsonToken.VALUE_STRING) {
      switch (p.getText()) {
        case "NaN" -> {
          return Double.NaN;
        }
        case "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> { }
      }
    }
    throw error(p, "values[" + i + "]: expected a number or one of \"NaN\", \"Infinity\", \"-Infinity\", found "
        + found(p));
  }

  private ReadingFormatException error(JsonParser p, String problem) {
    return error(p.currentTokenLocation().getByteOffset(), problem);
  }

  private ReadingFormatException error(long parserOffset, String problem) {
    return new ReadingFormatException(byteOffset(parserOffset), "json reading: " + problem);
  }

  /** Jackson counts from the start of the array, the message starts at {@code offset}. */
  private long byteOffset(long parserOffset) {
    return parserOffset - messageStart;
  }

  private static String found(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "the end of the message";
    }
    return switch (t) {
      case VALUE_STRING -> "the string \"" + p.getText() + "\"";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> p.getText();
    };
  }
}

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

  private Reading readObject(JsonParser p, long timeNs) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw error(p, "expected a JSON object, found " + found(p));
    }
    String sensor = null;
    Long index = null;
    Long stamp = null;
    int count = -1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "sensor" -> {
          requireFirst(p, field, sensor);
          if (value != JsonToken.VALUE_STRING) {
            throw error(p, "field \"sensor\": expected a string, found " + found(p));
          }
          sensor = p.getText();
        }
        case "index" -> index = readLong(p, field, index);
        case "stamp_ns" -> stamp = readLong(p, field, stamp);
        case "values" -> {
          requireFirst(p, field, count < 0 ? null : count);
          count = readValues(p);
        }
        default -> throw error(p.currentTokenLocation().getByteOffset(), "unknown field \"" + field
            + "\"; a weir.Reading has sensor, index, stamp_ns and values");
      }
    }
    long end = p.currentTokenLocation().getByteOffset();
    requirePresent(end, "sensor", sensor);
    requirePresent(end, "index", index);
    requirePresent(end, "stamp_ns", stamp);
    requirePresent(end, "values", count < 0 ? null : count);
    return new Reading(sensor, index, timeNs, stamp, Arrays.copyOf(values, count));
  }

  private Long readLong(JsonParser p, String field, Long previous) throws IOException {
    requireFirst(p, field, previous);
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

  private void requireFirst(JsonParser p, String field, Object previous) throws ReadingFormatException {
    if (previous != null) {
      throw error(p.currentTokenLocation().getByteOffset(), "duplicate field \"" + field + "\"");
    }
  }

  private void requirePresent(long at, String field, Object value) throws ReadingFormatException {
    if (value == null) {
      throw error(at, "missing field \"" + field + "\"");
    }
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

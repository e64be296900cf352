package dev.weir.harness.browser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** The little JSON the harness writes and reads: quoted strings, top-level strings and numbers. */
public final class JsonText {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** {@code text} as a JSON string literal, quotes included. */
  public static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /**
   * The string in the top-level field {@code name} of a JSON object.
   *
   * @throws IllegalArgumentException when there is no such string field
   */
  public static String string(String json, String name) {
    return field(json, name, "string", t -> t == JsonToken.VALUE_STRING, JsonParser::getText);
  }

  /**
   * The number in the top-level field {@code name} of a JSON object.
   *
   * @throws IllegalArgumentException when there is no such numeric field
   */
  public static long number(String json, String name) {
    return field(json, name, "number", JsonToken::isNumeric, JsonParser::getValueAsLong);
  }

  /**
   * The number in the top-level field {@code name} of a JSON object, fraction kept.
   *
   * @throws IllegalArgumentException when there is no such numeric field
   */
  public static double decimal(String json, String name) {
    return field(json, name, "number", JsonToken::isNumeric, JsonParser::getValueAsDouble);
  }

  private interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  private static <T> T field(
      String json, String name, String kind, Predicate<JsonToken> accepts, Reader<T> reader) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Expected a JSON object, got: " + json);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals(name) && accepts.test(value)) {
          return reader.read(parser);
        }
        parser.skipChildren();
      }
      throw new IllegalArgumentException("No " + kind + " '" + name + "' in " + json);
    } catch (IOException e) {
      throw new UncheckedIOException("Malformed JSON from the browser: " + json, e);
    }
  }
}

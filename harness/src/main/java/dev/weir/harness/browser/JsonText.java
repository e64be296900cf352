package dev.weir.harness.browser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The little JSON the browser package writes and reads: quoted strings and top-level numbers. */
final class JsonText {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** {@code text} as a JSON string literal, quotes included. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /**
   * The number in the top-level field {@code name} of a JSON object.
   *
   * @throws IllegalArgumentException when there is no such numeric field
   */
  static long number(String json, String name) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Expected a JSON object, got: " + json);
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals(name) && value.isNumeric()) {
          return parser.getValueAsLong();
        }
        parser.skipChildren();
      }
      throw new IllegalArgumentException("No number '" + name + "' in " + json);
    } catch (IOException e) {
      throw new UncheckedIOException("Malformed JSON from the browser: " + json, e);
    }
  }
}

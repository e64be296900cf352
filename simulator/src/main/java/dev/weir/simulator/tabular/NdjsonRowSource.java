package dev.weir.simulator.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * NDJSON: one JSON object per line, flattened so that nested fields are {@code a.b} and array elements {@code a.0}.
 * Blank lines are allowed and carry nothing.
 */
final class NdjsonRowSource implements RowSource {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final BufferedReader in;
  private final String file;
  private final List<Cell> cells = new ArrayList<>();
  private long line;

  NdjsonRowSource(BufferedReader in, String file) {
    this.in = in;
    this.file = file;
  }

  @Override
  public List<Cell> next() throws IOException {
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    cells.clear();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error(p, "expected a JSON object, found " + p.getText());
      }
      flattenObject(p, "");
      if (p.nextToken() != null) {
        throw error(p, "expected the end of the line after the object, found " + p.getText());
      }
    } catch (JsonProcessingException e) {
      throw new TabularFormatException(file, line, e.getLocation().getColumnNr(), e.getOriginalMessage());
    }
    return cells;
  }

  private void flattenObject(JsonParser p, String prefix) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix + p.currentName();
      p.nextToken();
      flattenValue(p, name);
    }
  }

  private void flattenValue(JsonParser p, String name) throws IOException {
    JsonToken t = p.currentToken();
    long column = p.currentTokenLocation().getColumnNr();
    switch (t) {
      case START_OBJECT -> flattenObject(p, name + ".");
      case START_ARRAY -> {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          flattenValue(p, name + "." + i++);
        }
      }
      case VALUE_STRING -> cells.add(new Cell(name, p.getText(), Cell.Kind.TEXT, line, column));
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> cells.add(new Cell(name, p.getText(), Cell.Kind.NUMBER, line, column));
      default -> cells.add(new Cell(name, p.getText(), Cell.Kind.LITERAL, line, column));
    }
  }

  private TabularFormatException error(JsonParser p, String problem) {
    return new TabularFormatException(file, line, p.currentTokenLocation().getColumnNr(), problem);
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String cellWord() {
    return "field";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

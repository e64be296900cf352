package dev.weir.simulator.tabular;

/**
 * One value of a row, with where it came from.
 *
 * @param name the column name or NDJSON field path
 * @param text the value's text; empty for an empty CSV field
 * @param kind what the source says the value is
 * @param line the line the value starts on, from 1
 * @param column the character column where the value starts, from 1
 */
record Cell(String name, String text, Kind kind, long line, long column) {

  enum Kind {
    /** CSV text or a JSON string. */
    TEXT,
    /** A JSON number. */
    NUMBER,
    /** A JSON true, false or null: never a valid timestamp, sensor or value. */
    LITERAL
  }

  boolean isEmpty() {
    return kind == Kind.TEXT && text.isEmpty();
  }

  /** How an error shows the value: strings quoted, JSON literals and numbers bare. */
  String shown() {
    return kind == Kind.TEXT ? "\"" + text + "\"" : text;
  }
}

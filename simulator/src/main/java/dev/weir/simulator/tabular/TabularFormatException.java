package dev.weir.simulator.tabular;

import java.io.IOException;

/**
 * A field log that does not match its {@link ColumnMapping} or its format. The message starts with
 * {@code file:line:column:} so editors and CI logs link to the spot; line and column count from 1.
 */
public final class TabularFormatException extends IOException {

  private final String file;
  private final long line;
  private final long column;

  TabularFormatException(String file, long line, long column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** For CSV the field number in the row; for NDJSON the character in the line. */
  public long column() {
    return column;
  }
}

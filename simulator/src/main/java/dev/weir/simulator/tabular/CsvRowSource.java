package dev.weir.simulator.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 4180 CSV: a header row, then records of exactly as many fields; fields may be quoted, with {@code ""} for a quote
 * and commas and line breaks inside; records end with CRLF or LF. Reads one record at a time.
 */
final class CsvRowSource implements RowSource {

  private final Reader in;
  private final String file;
  private final List<String> header;
  private final List<Cell> cells = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();
  private final List<Long> fieldLines = new ArrayList<>();
  private final List<Long> fieldColumns = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private long line = 1;
  private long recordLine;
  private int pushedBack = -2;
  /** Characters taken from the reader so far, and the index of the current line's first character. */
  private long consumed;
  private long lineStart;

  CsvRowSource(Reader in, String file) throws IOException {
    this.in = in;
    this.file = file;
    if (!readRecord()) {
      throw new TabularFormatException(file, 1, 1, "expected a header row, found an empty file");
    }
    header = List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      if (!seen.add(header.get(i))) {
        throw new TabularFormatException(file, 1, fieldColumns.get(i), "column name \"" + header.get(i)
            + "\" appears twice");
      }
    }
  }

  @Override
  public List<Cell> next() throws IOException {
    if (!readRecord()) {
      return null;
    }
    if (fields.size() != header.size()) {
      int at = Math.min(fields.size(), header.size() + 1) - 1;
      throw new TabularFormatException(file, fieldLines.get(at), fieldColumns.get(at),
          "expected " + header.size() + " fields as in the header, found " + fields.size());
    }
    cells.clear();
    for (int i = 0; i < fields.size(); i++) {
      cells.add(new Cell(header.get(i), fields.get(i), Cell.Kind.TEXT, fieldLines.get(i), fieldColumns.get(i)));
    }
    return cells;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public long line() {
    return recordLine;
  }

  @Override
  public String cellWord() {
    return "column";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one record into {@link #fields}; false at the end of the file. */
  private boolean readRecord() throws IOException {
    fields.clear();
    fieldLines.clear();
    fieldColumns.clear();
    int c = read();
    if (c == -1) {
      return false;
    }
    recordLine = line;
    while (true) {
      long fieldLine = line;
      long fieldColumn = column();
      field.setLength(0);
      if (c == '"') {
        c = readQuoted(fieldLine, fieldColumn);
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          if (c == '"') {
            throw new TabularFormatException(file, line, column(),
                "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
          }
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      fieldLines.add(fieldLine);
      fieldColumns.add(fieldColumn);
      if (c == ',') {
        c = read();
        continue;
      }
      endLine(c);
      return true;
    }
  }

  /** Reads a quoted field's content; returns the character after the closing quote. */
  private int readQuoted(long startLine, long startColumn) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new TabularFormatException(file, startLine, startColumn,
            "quoted field is not closed before the end of the file");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          if (after != ',' && after != '\n' && after != '\r' && after != -1) {
            throw new TabularFormatException(file, line, column(),
                "expected a comma or the end of the line after the closing quote, found '" + (char) after + "'");
          }
          return after;
        }
      } else if (c == '\n') {
        line++;
        lineStart = consumed;
      }
      field.append((char) c);
    }
  }

  private void endLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        pushedBack = next;
      }
    }
    if (c != -1) {
      line++;
      lineStart = pushedBack == -2 ? consumed : consumed - 1;
    }
  }

  /** The column of the character last returned by {@link #read()}, from 1. */
  private long column() {
    return consumed - lineStart;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = in.read();
    if (c != -1) {
      consumed++;
    }
    return c;
  }
}

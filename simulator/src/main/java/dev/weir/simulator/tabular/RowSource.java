package dev.weir.simulator.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Rows of a field log, one at a time, whatever the file format. */
interface RowSource extends Closeable {

  /** The next row's cells in file order, or null at the end. The list is only valid until the next call. */
  List<Cell> next() throws IOException;

  /** The file name errors start with. */
  String file();

  /** The line the last returned row starts on. */
  long line();

  /** "column" for CSV, "field" for NDJSON: how errors name a cell. */
  String cellWord();
}

package dev.weir.scenarios.report;

import java.io.IOException;
import java.io.OutputStream;

/** One file of a report folder, written from the model. */
interface ReportFile {

  /** Its path in the folder, with {@code /} between names: {@code index.html}, {@code assets/…}. */
  String name();

  void write(Report report, OutputStream out) throws IOException;
}

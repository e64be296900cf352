package dev.weir.scenarios.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A file the page needs beside it (the charting library, the report's script and style), copied
 * from the jar, where the build put it: nothing is fetched when a report is written or opened.
 */
final class Asset implements ReportFile {

  private final String name;

  /** The file {@code assets/<file>}, from this package's {@code assets/} resources. */
  Asset(String file) {
    this.name = "assets/" + file;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try (InputStream in = Asset.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(
            "the report's " + name + " is not in weir's jar: build the scenarios module with Maven,"
                + " whose npm ci installs uPlot from src/main/web/package-lock.json");
      }
      in.transferTo(out);
    }
  }
}

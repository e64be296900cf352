package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.scenarios.report.ReportWriter;
import dev.weir.scenarios.report.SampleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir report DIR}: a report folder of which only index.json was kept (a CI artifact) gets
 * its page, JUnit XML and assets back, the same bytes as when the run wrote them.
 */
class ReportCommandTest {

  @TempDir Path dir;

  @Test
  void anIndexJsonAloneGivesTheWholeReportBackByteForByte() throws Exception {
    Path folder = dir.resolve("weir-report");
    Path html = ReportWriter.write(SampleReport.build(), folder);
    byte[] page = Files.readAllBytes(html);
    byte[] junit = Files.readAllBytes(folder.resolve("junit.xml"));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(folder) && !file.getFileName().toString().equals("index.json")) {
          Files.delete(file);
        }
      }
    }

    Cli result = Cli.run("report", folder.toString());

    assertEquals(0, result.code(), result.toString());
    assertEquals("weir conformance: sample <frontend> & \"friends\": 6 runs, 2 OK, 1 NON-STRICT,"
        + " 2 FAILED, 1 INFORMATIONAL\nReport: " + html + "\n", result.out());
    assertArrayEquals(page, Files.readAllBytes(html));
    assertArrayEquals(junit, Files.readAllBytes(folder.resolve("junit.xml")));
    assertTrue(Files.isRegularFile(folder.resolve("assets/uPlot.iife.min.js")));
  }

  @Test
  void aFolderWithoutAReadableIndexJsonExitsTwoSayingWhatWasExpected() throws Exception {
    Cli empty = Cli.run("report", dir.toString());
    assertEquals(2, empty.code(), empty.toString());
    assertEquals("weir report: " + dir + ": expected a report folder with an index.json (written"
        + " by weir run); there is no index.json in it\n", empty.err());

    Files.writeString(dir.resolve("index.json"), "{\"format\":\"weir.bundle.v1\"}");
    Cli other = Cli.run("report", dir.toString());
    assertEquals(2, other.code(), other.toString());
    assertEquals("weir report: " + dir.resolve("index.json") + ": expected a report's index.json,"
        + " format weir.report.v1; found format \"weir.bundle.v1\"\n", other.err());
    assertEquals("{\"format\":\"weir.bundle.v1\"}", Files.readString(dir.resolve("index.json")),
        "left as it was");
  }
}

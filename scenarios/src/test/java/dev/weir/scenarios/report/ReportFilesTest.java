package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Evidence;
import dev.weir.harness.trace.Trace;
import dev.weir.scenarios.run.Conditions;
import dev.weir.simulator.pacing.ManualWallClock;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report folder's files from a fixed model: index.json's bytes, junit.xml, atomic writes. */
class ReportFilesTest {

  @TempDir Path dir;

  @Nested
  class IndexJsonFile {

    @Test
    void aModelGivesTheSameBytesEveryTime() throws IOException {
      Path first = ReportWriter.write(SampleReport.build(), dir.resolve("first")).getParent();
      Path second = ReportWriter.write(SampleReport.build(), dir.resolve("second")).getParent();
      assertArrayEquals(
          Files.readAllBytes(first.resolve("index.json")),
          Files.readAllBytes(second.resolve("index.json")));
      assertArrayEquals(
          Files.readAllBytes(first.resolve("index.html")),
          Files.readAllBytes(second.resolve("index.html")));
    }

    @Test
    void aSmallModelIsWrittenExactly() throws IOException {
      Verdict verdict = informational();
      Evidence nothing = Evidence.of(Trace.start(new ManualWallClock(0)).snapshot());
      Conditions plain = new Conditions(Optional.empty(), Optional.of(
          new Conditions.LoadAverage(new BigDecimal("0.4"), new BigDecimal("1.005"))));
      Report report = new Report("t", List.of(new CaseResult("throughput", "measured", "channel",
          List.of(verdict), Duration.ofMillis(1_500), nothing)), Optional.of(plain));
      Path folder = ReportWriter.write(report, dir.resolve("small")).getParent();
      assertEquals(
          "{\"format\":\"weir.report.v1\",\"title\":\"t\",\"conditions\":{\"stress\":null,"
              + "\"load_average_1m\":{\"start\":0.40,\"end\":1.01}},\"totals\":{\"runs\":1,\"ok\":0,"
              + "\"non-strict\":0,\"failed\":0,\"informational\":1},\"cases\":[{\"id\":"
              + "\"throughput\",\"title\":\"measured\"}],\"transports\":[\"channel\"],\"runs\":["
              + "{\"case\":\"throughput\",\"transport\":\"channel\",\"status\":\"INFORMATIONAL\","
              + "\"took_ns\":1500000000,\"verdicts\":[" + verdict.toJson() + "],\"evidence\":"
              + nothing.toJson() + "}]}",
          Files.readString(folder.resolve("index.json")));
    }

    @Test
    void holdsEveryRunWithItsStatusVerdictsAndEvidence() throws IOException {
      Path folder = ReportWriter.write(SampleReport.build(), dir.resolve("r")).getParent();
      JsonNode json = new ObjectMapper().readTree(folder.resolve("index.json").toFile());
      assertEquals(6, json.get("totals").get("runs").asInt());
      assertEquals(2, json.get("totals").get("ok").asInt());
      assertEquals(2, json.get("totals").get("failed").asInt());
      assertEquals(List.of("channel", "websocket", "sse"),
          new ObjectMapper().convertValue(json.get("transports"), List.class));
      for (JsonNode run : json.get("runs")) {
        assertEquals(SampleReport.MATRIX.get(run.get("case").asText()).get(run.get("transport")
            .asText()), run.get("status").asText(), run.toString());
      }
      JsonNode reconnect = json.get("runs").get(4);
      assertEquals(5, reconnect.get("evidence").get("retries").get("judged").size());
      assertEquals(300, json.get("runs").get(0).get("evidence").get("latency").get("count").asInt());
    }
  }

  @Nested
  class ReadingIndexJson {

    @Test
    void aReportReadFromItsIndexJsonWritesEveryFileAgainByteForByte() throws IOException {
      Path first = ReportWriter.write(SampleReport.build(), dir.resolve("first")).getParent();
      Report read = Report.read(first.resolve("index.json"));
      Path second = ReportWriter.write(read, dir.resolve("second")).getParent();
      for (String file : List.of("index.html", "index.json", "junit.xml")) {
        assertArrayEquals(Files.readAllBytes(first.resolve(file)),
            Files.readAllBytes(second.resolve(file)), file);
      }
      assertEquals(SampleReport.build().runs().get(4).evidence(), read.runs().get(4).evidence());
      assertEquals(Optional.of(SampleReport.CONDITIONS), read.conditions());
    }

    @Test
    void anIndexJsonFromBeforeConditionsWereRecordedReadsAndIsWrittenTheSame() throws IOException {
      Path first = ReportWriter.write(SampleReport.build(), dir.resolve("first")).getParent();
      Path index = first.resolve("index.json");
      String withConditions = Files.readString(index);
      String before = withConditions.replace("\"conditions\":{\"stress\":{\"spec\":\"cpu=4\","
          + "\"busy_threads\":4},\"load_average_1m\":{\"start\":0.41,\"end\":4.00}},", "");
      assertTrue(before.length() < withConditions.length(), withConditions);
      Files.writeString(index, before);

      Report read = Report.read(index);
      Path second = ReportWriter.write(read, dir.resolve("second")).getParent();

      assertEquals(Optional.empty(), read.conditions());
      assertEquals(before, Files.readString(second.resolve("index.json")));
      assertFalse(Files.readString(second.resolve("index.html")).contains("class=\"conditions\""));
      assertFalse(Files.readString(second.resolve("junit.xml")).contains("<properties>"));
    }

    @Test
    void anythingButAnIndexJsonOfThisLayoutIsRefusedSayingWhatWasExpected() throws IOException {
      Path folder = ReportWriter.write(SampleReport.build(), dir.resolve("r")).getParent();
      Path index = folder.resolve("index.json");
      String json = Files.readString(index);

      Files.writeString(index, json.replace("weir.report.v1", "weir.report.v0"));
      assertEquals(index + ": expected a report's index.json, format weir.report.v1; found format"
          + " \"weir.report.v0\"", assertThrows(IOException.class, () -> Report.read(index))
          .getMessage());
      Files.writeString(index, json.replace("\"took_ns\"", "\"took_ms\""));
      assertEquals(index + ": expected a report's index.json in layout weir.report.v1: No value"
          + " for property 'took_ns' of `ObjectNode`",
          assertThrows(IOException.class, () -> Report.read(index)).getMessage());
      Files.writeString(index, "<html>");
      assertTrue(assertThrows(IOException.class, () -> Report.read(index)).getMessage()
          .startsWith(index + ": expected a report's index.json, found text that is not JSON: "));
    }
  }

  @Nested
  class IndexHtmlFile {

    @Test
    void theHeaderSaysWhatTheRunsRanUnder() throws IOException {
      String html = Files.readString(ReportWriter.write(SampleReport.build(), dir.resolve("h")));
      String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
      assertTrue(header.endsWith("</p>\n<p class=\"conditions\">Under stress: 4 busy threads"
          + " (cpu=4)</p>\n<p class=\"conditions\">Load average (1 min): 0.41 at the start, 4.00"
          + " at the end</p>\n"), header);
    }

    @Test
    void embedsTheEvidenceSoThatNoStringCanEndItsScriptElement() throws IOException {
      String name = "log</script><script>alert(1)</script>&<!--";
      Trace trace = Trace.start(new ManualWallClock(0));
      trace.buffer(trace.stream(name), 1, 0, new long[] {0}, 1, 0);
      Report report = new Report("t", List.of(new CaseResult("buffer", "b", "channel",
          List.of(informational()), Duration.ZERO, Evidence.of(trace.snapshot()))),
          Optional.empty());
      String html = Files.readString(
          ReportWriter.write(report, dir.resolve("escaped")));
      String open = "<script type=\"application/json\" id=\"weir-evidence\">";
      int start = html.indexOf(open) + open.length();
      String data = html.substring(start, html.indexOf("</script>", start));

      JsonNode evidence = new ObjectMapper().readTree(data);
      assertEquals(name, evidence.get(0).get("occupancy").get("series").get(0).get("name")
          .asText());
      assertFalse(data.contains("<"), data);
    }
  }

  @Nested
  class JunitXmlFile {

    @Test
    void oneTestcasePerRunAndAFailureNamingTheFirstViolation() throws Exception {
      Report report = SampleReport.build();
      Path folder = ReportWriter.write(report, dir.resolve("j")).getParent();
      Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(folder.resolve("junit.xml").toFile());
      Element suite = xml.getDocumentElement();

      assertEquals("testsuite", suite.getTagName());
      assertEquals("6", suite.getAttribute("tests"));
      assertEquals("2", suite.getAttribute("failures"));
      assertEquals("0", suite.getAttribute("errors"));
      assertEquals("16.932", suite.getAttribute("time"));
      NodeList properties = suite.getElementsByTagName("property");
      Map<String, String> recorded = new LinkedHashMap<>();
      for (int i = 0; i < properties.getLength(); i++) {
        Element property = (Element) properties.item(i);
        recorded.put(property.getAttribute("name"), property.getAttribute("value"));
      }
      assertEquals(Map.of("weir.stress", "cpu=4", "weir.load_average_1m.start", "0.41",
          "weir.load_average_1m.end", "4.00"), recorded);
      NodeList cases = suite.getElementsByTagName("testcase");
      assertEquals(6, cases.getLength());
      Element websocket = (Element) cases.item(1);
      assertEquals("ordering [websocket]", websocket.getAttribute("name"));
      assertEquals("weir.ordering", websocket.getAttribute("classname"));
      assertEquals("3.31", websocket.getAttribute("time"));
      Element failure = (Element) websocket.getElementsByTagName("failure").item(0);
      Verdict failed = report.runs().get(1).verdicts().get(0);
      assertEquals("ordering/delivery: " + failed.firstViolation().orElseThrow().describe(),
          failure.getAttribute("message"));
      assertTrue(failure.getAttribute("message").startsWith(
          "ordering/delivery: out-of-order at event #"), failure.getAttribute("message"));
      assertEquals("out-of-order", failure.getAttribute("type"));
      assertEquals(failed.summary(), failure.getTextContent());
      assertEquals("weir.reconnect.cap", ((Element) cases.item(4)).getAttribute("classname"));
      assertEquals("above-cap", ((Element) ((Element) cases.item(4))
          .getElementsByTagName("failure").item(0)).getAttribute("type"));
      for (int i : new int[] {0, 2, 3, 5}) { // OK, NON-STRICT, OK, INFORMATIONAL pass
        assertEquals(0, ((Element) cases.item(i)).getElementsByTagName("failure").getLength());
      }
    }
  }

  @Nested
  class Writing {

    @Test
    void aFailedWriteLeavesThePreviousReportWholeAndNoTemporaryFolder() throws IOException {
      Path folder = dir.resolve("weir-report");
      ReportWriter.write(SampleReport.build(), folder);
      byte[] before = Files.readAllBytes(folder.resolve("index.json"));
      ReportFile broken = new ReportFile() {
        @Override
        public String name() {
          return "broken.txt";
        }

        @Override
        public void write(Report report, OutputStream out) throws IOException {
          out.write("half".getBytes(StandardCharsets.UTF_8));
          throw new IOException("disk full");
        }
      };
      Report other =
          new Report("other", SampleReport.build().runs().subList(0, 1), Optional.empty());
      IOException e = assertThrows(IOException.class,
          () -> new ReportWriter(List.of(new IndexJson(), broken)).into(other, folder));

      assertEquals("disk full", e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(folder.resolve("index.json")));
      assertFalse(Files.exists(folder.resolve("broken.txt")));
      assertEquals(List.of("weir-report"), names(dir));
    }

    @Test
    void aNewReportReplacesTheOldOneWhole() throws IOException {
      Path folder = dir.resolve("weir-report");
      ReportWriter.write(SampleReport.build(), folder);
      Files.writeString(folder.resolve("stale.txt"), "from before");
      Path index = ReportWriter.write(SampleReport.build(), folder);

      assertEquals(folder.toAbsolutePath().resolve("index.html"), index);
      assertFalse(Files.exists(folder.resolve("stale.txt")));
      assertEquals(List.of("weir-report"), names(dir));
      assertEquals(
          List.of("LICENSE", "report.css", "report.js", "uPlot.iife.min.js", "uPlot.min.css"),
          names(folder.resolve("assets")));
      assertEquals(List.of("assets", "index.html", "index.json", "junit.xml"), names(folder));
    }
  }

  private static Verdict informational() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("messages", 2L);
    return new Verdict("throughput", Status.INFORMATIONAL, counts, Map.of(), null,
        "INFORMATIONAL: 2 messages.");
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}

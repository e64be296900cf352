package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.bench.BrowserMetric;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code weir bench browser} end to end: a real run in a fresh JVM with its own Xvfb and CEF. */
class BenchCommandTest {

  @Test
  void oneRunReportsEveryMeasureWithItsSampleAndTarget() throws IOException {
    Cli result = Cli.run("bench", "browser", "--runs", "1", "--json");
    assertEquals(0, result.code(), result.toString());
    assertTrue(result.err().contains("weir bench browser: run 1 of 1"), result.err());
    JsonNode report = new ObjectMapper().readTree(result.out());
    assertEquals(1, report.get("runs").asInt());
    for (BrowserMetric metric : BrowserMetric.values()) {
      JsonNode figure = report.get("metrics").get(metric.key());
      assertTrue(figure != null, metric.key() + " missing from " + result.out());
      assertTrue(figure.get("median").asDouble() > 0, metric.key() + " = " + figure);
      assertEquals(figure.get("median").asDouble(), figure.get("samples").get(0).asDouble());
      assertEquals(metric.hasTarget(), figure.has("met"), metric.key());
    }
  }

  @Test
  void refusesZeroRuns() {
    Cli result = Cli.run("bench", "browser", "--runs", "0");
    assertEquals(2, result.code(), result.toString());
    assertEquals("weir bench browser: --runs must be at least 1, was 0\n", result.err());
  }
}

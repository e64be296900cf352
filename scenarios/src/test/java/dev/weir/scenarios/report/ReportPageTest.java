package dev.weir.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.ConsoleMessage;
import dev.weir.harness.browser.Page;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: written from a model with every status and every plot, opened
 * from {@code file://} in the harness's headless Chromium. Every plot is drawn by uPlot with its
 * series and ink inside its plotting area, every matrix cell shows its run's status (or N/A),
 * everything it loads is in the report's folder, and its policy refuses any request beyond it.
 *
 * <p>With {@code -Dweir.report.screenshot=PATH} it also saves a screenshot there (how {@code
 * docs/report-screenshot.png} was taken).
 */
class ReportPageTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path folder;
  private static Page page;
  private static List<ConsoleMessage> consoleAtLoad;

  @BeforeAll
  static void openTheReport() throws IOException {
    folder = ReportWriter.write(SampleReport.build(), dir.resolve("weir-report")).getParent();
    page = BrowserRuntime.shared().open(folder.resolve("index.html").toUri());
    awaitDrawn();
    consoleAtLoad = List.copyOf(page.console());
  }

  @AfterAll
  static void closeThePage() {
    page.close();
  }

  @Test
  void everyPlotIsDrawnByUplotWithItsSeries() throws IOException {
    JsonNode plots = eval(
        "window.weirPlots.map(p => {"
            + " const b = p.plot.bbox, d = p.plot.ctx.getImageData(b.left, b.top, b.width, b.height).data;"
            + " let ink = 0; for (let i = 3; i < d.length; i += 4) if (d[i] >= 128) ink++;"
            + " return {run: p.run, kind: p.kind, series: p.series, ink: ink,"
            + "   points: p.plot.data[0].length}; })");
    Map<String, List<String>> series = new LinkedHashMap<>();
    for (JsonNode plot : plots) {
      String at = plot.get("run").asInt() + " " + plot.get("kind").asText();
      assertTrue(plot.get("ink").asInt() > 100, () -> at + " has no data drawn: " + plot);
      List<String> labels = new ArrayList<>();
      plot.get("series").forEach(label -> labels.add(label.asText()));
      series.put(at, labels);
    }
    List<String> latency = List.of("messages");
    List<String> throughput = List.of("sends", "deliveries");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (int run : new int[] {0, 1, 2}) {
      expected.put(run + " latency", latency);
      expected.put(run + " throughput", throughput);
    }
    expected.put("3 occupancy", List.of("log", "capacity"));
    expected.put("4 retries", List.of("envelope low", "envelope high", "latest tolerated",
        "delay within", "delay outside"));
    expected.put("5 latency", latency);
    expected.put("5 throughput", throughput);
    assertEquals(expected, series);
    assertEquals(5, plots.get(7).get("points").asInt(), "one point per judged retry");
    assertEquals("[null,null,null,400,null]", eval(
        "window.weirPlots.find(p => p.kind === 'retries').plot.data[5]").toString(),
        "the retry above the cap is drawn outside the envelope");
  }

  @Test
  void eachMatrixCellShowsItsRunsStatus() throws IOException {
    JsonNode cells = eval("[...document.querySelectorAll('table.matrix td')].map(td =>"
        + " [td.dataset.case, td.dataset.transport, td.dataset.status, td.textContent])");
    assertEquals(4 * 3, cells.size(), cells::toString);
    for (JsonNode cell : cells) {
      String status = SampleReport.MATRIX.get(cell.get(0).asText())
          .getOrDefault(cell.get(1).asText(), "N/A");
      assertEquals(status, cell.get(2).asText(), cell::toString);
      assertEquals(status.equals("N/A") ? "–" : status, cell.get(3).asText(), cell::toString);
    }
    assertEquals("rgb(217, 48, 44)", eval("getComputedStyle(document.querySelector("
        + "'td[data-status=\"FAILED\"]')).backgroundColor").asText(), "FAILED is red");
  }

  @Test
  void everythingItLoadsIsInItsFolderAndItsPolicyBlocksTheNetwork() throws IOException {
    String base = folder.toUri().toString();
    JsonNode loaded = eval("[...document.querySelectorAll('script[src], link[href], img[src]')]"
        + ".map(e => e.src || e.href)");
    List<String> names = new ArrayList<>();
    loaded.forEach(url -> names.add(url.asText()));
    for (String url : names) {
      assertTrue(url.startsWith(base), () -> url + " is outside " + base);
    }
    assertEquals(
        List.of("assets/uPlot.min.css", "assets/report.css", "assets/uPlot.iife.min.js",
            "assets/report.js"),
        names.stream().map(url -> url.substring(base.length())).toList());
    assertEquals("function", eval("typeof uPlot").asText(), "the library loaded from its file");
    assertTrue(consoleAtLoad.stream().noneMatch(m -> m.level().equals("ERROR")),
        () -> "console errors while loading (a blocked load shows here): " + consoleAtLoad);

    assertEquals("connect-src", eval("new Promise(resolve => {"
        + " document.addEventListener('securitypolicyviolation',"
        + "   e => resolve(e.effectiveDirective), {once: true});"
        + " fetch('http://127.0.0.1:9/').catch(() => {}); })").asText(),
        "a request to the network is refused by the page's own policy");
  }

  @Test
  void aScreenshotShowsTheRenderedReport() throws IOException {
    BufferedImage shot = screenshot();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(shot, "png", png);

    assertEquals(eval("innerWidth").asInt(), shot.getWidth());
    assertEquals(eval("document.documentElement.scrollHeight").asInt(), shot.getHeight());
    assertTrue(png.size() > 100_000, () -> "a rendered report, not a blank page: " + png.size());
    Files.write(Path.of("target", "report-screenshot.png"), png.toByteArray());
    String keep = System.getProperty("weir.report.screenshot");
    if (keep != null) {
      Files.write(Path.of(keep), png.toByteArray());
    }
  }

  /**
   * The whole page, viewport by viewport: the off-screen browser's view is fixed and its DevTools
   * screenshot shows only that view, so the page is scrolled and the views stacked.
   */
  private static BufferedImage screenshot() throws IOException {
    eval("document.documentElement.style.overflow = 'hidden'"); // no scroll bar in each view
    int width = eval("innerWidth").asInt();
    int height = eval("document.documentElement.scrollHeight").asInt();
    BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    for (int top = 0; top < height; ) {
      int y = eval("new Promise(r => { scrollTo(0, " + top + ");"
          + " requestAnimationFrame(() => requestAnimationFrame(() => r(scrollY))); })").asInt();
      String view = ReportPageTest.page.devTools().await(
          "Page.captureScreenshot", "{\"format\":\"png\"}", WAIT);
      BufferedImage tile = ImageIO.read(new ByteArrayInputStream(
          Base64.getDecoder().decode(JSON.readTree(view).get("data").asText())));
      g.drawImage(tile, 0, y, null);
      top = y + tile.getHeight();
    }
    g.dispose();
    return page;
  }

  private static void awaitDrawn() {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(
        () -> page.evaluate("window.weirReportReady === true", WAIT).equals("true"));
  }

  private static JsonNode eval(String expression) throws IOException {
    return JSON.readTree(page.evaluate(expression, WAIT));
  }
}

package dev.weir.harness.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeScriptTest {

  private static String inject(String html) {
    return new String(BridgeScript.inject(html.getBytes(StandardCharsets.UTF_8), List.of(BridgeScript.PATH)), StandardCharsets.UTF_8);
  }

  /** The page with the bridge tag replaced by a marker, to show where it went. */
  private static String placed(String html) {
    return inject(html).replace("<script src=\"/.weir/bridge.js\"></script>", "[bridge]");
  }

  @Test
  void goesAfterTheDoctypeSoTheDocumentStaysInStandardsMode() {
    assertEquals("<!doctype html>[bridge]<title>t</title>", placed("<!doctype html><title>t</title>"));
    assertEquals("\n  <!DOCTYPE HTML>[bridge]\n<p>", placed("\n  <!DOCTYPE HTML>\n<p>"));
  }

  @Test
  void goesAfterAByteOrderMark() {
    assertEquals("\uFEFF<!doctype html>[bridge]<p>", placed("\uFEFF<!doctype html><p>"));
    assertEquals("\uFEFF[bridge]<p>x", placed("\uFEFF<p>x"));
  }

  @Test
  void goesFirstWithoutADoctype() {
    assertEquals("[bridge]<html><p>x", placed("<html><p>x"));
    assertEquals("[bridge]", placed(""));
  }

  @Test
  void addsNoLineSoThePagesLineNumbersStayTrue() {
    assertEquals(3, inject("<!doctype html>\n<p>\n").split("\n", -1).length);
  }

  @Test
  void theScriptItLoadsDefinesWeir() {
    String script = new String(BridgeScript.script(), StandardCharsets.UTF_8);
    assertTrue(script.contains("Object.defineProperty(window, 'weir'"), script);
  }
}

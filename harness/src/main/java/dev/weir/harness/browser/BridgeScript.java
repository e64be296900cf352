package dev.weir.harness.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Puts {@code window.weir} into every HTML document the runtime serves: script elements ahead of
 * the document's own, so that they run before any page script, on reloads too.
 *
 * <p>The elements are one line that loads {@value #PATH} (and any script a transport adds) from
 * the page's own origin, so the page's line numbers stay true and a {@code script-src 'self'}
 * policy allows them. The alternative, DevTools' {@code Page.addScriptToEvaluateOnNewDocument},
 * needs an extra navigation and measured 300 ms on a page's first load.
 */
final class BridgeScript {

  /** Where every served host answers with the bridge script; files at this path are shadowed. */
  static final String PATH = "/.weir/bridge.js";

  private static final byte[] SOURCE = source();
  private static final byte[] DOCTYPE = "<!doctype".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private BridgeScript() {}

  /**
   * {@code html} with the bridge script inserted after its doctype (before it, a document would
   * fall into quirks mode), or at its start when it has none.
   */
  static byte[] inject(byte[] html, List<String> scriptPaths) {
    int at = startsWith(html, BOM, 0) ? BOM.length : 0;
    int first = at;
    while (first < html.length && isSpace(html[first])) {
      first++;
    }
    if (startsWithIgnoringCase(html, DOCTYPE, first)) {
      int close = indexOf(html, (byte) '>', first);
      if (close >= 0) {
        at = close + 1;
      }
    }
    StringBuilder tags = new StringBuilder();
    for (String path : scriptPaths) {
      tags.append("<script src=\"").append(path).append("\"></script>");
    }
    byte[] tag = tags.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(html.length + tag.length);
    out.write(html, 0, at);
    out.writeBytes(tag);
    out.write(html, at, html.length - at);
    return out.toByteArray();
  }

  /** The script served at {@link #PATH}; the array is shared, do not modify it. */
  static byte[] script() {
    return SOURCE;
  }

  private static byte[] source() {
    try (InputStream in = BridgeScript.class.getResourceAsStream("bridge.js")) {
      if (in == null) {
        throw new IllegalStateException("bridge.js is missing from the weir-harness jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  private static boolean startsWith(byte[] data, byte[] prefix, int from) {
    if (data.length - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithIgnoringCase(byte[] data, byte[] lowerPrefix, int from) {
    if (data.length - from < lowerPrefix.length) {
      return false;
    }
    for (int i = 0; i < lowerPrefix.length; i++) {
      byte b = data[from + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerPrefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, byte wanted, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}

package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.util.Base64;

/** How a backend writes a payload into a script it evaluates in the page. */
final class Scripts {

  private Scripts() {}

  /** A JS expression for the payload: its JSON text, or an ArrayBuffer of its bytes. */
  static String value(Payload payload) {
    return payload instanceof Payload.Json json
        ? json.text()
        : "window.__TAURI_INTERNALS__.weir.bytesOf('"
            + Base64.getEncoder().encodeToString(((Payload.Bytes) payload).bytes())
            + "')";
  }

  /** {@code runCallback(id, data)} as a statement. */
  static String runCallback(long callback, String data) {
    return "window.__TAURI_INTERNALS__.runCallback(" + callback + "," + data + ");";
  }
}
